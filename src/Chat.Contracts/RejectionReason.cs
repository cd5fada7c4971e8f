namespace Chat.Contracts;

/// <summary>
/// Machine-readable reasons a delivery cannot be stored, recorded in <c>rejected_messages.reason</c>
/// and in the metric <c>chat_ingest_messages_rejected_total{reason}</c>.
/// </summary>
public static class RejectionReason
{
    /// <summary>The body is empty, not UTF-8 JSON, or not a JSON object.</summary>
    public const string InvalidJson = "invalid_json";

    /// <summary>A required field (messageId, roomId, userId, message, timestamp, messageType) is absent or null.</summary>
    public const string MissingField = "missing_field";

    /// <summary>roomId is not a positive 32-bit integer (as a JSON integer or a string of digits).</summary>
    public const string InvalidRoomId = "invalid_room_id";

    /// <summary>messageId is not a string, is empty, or is longer than 64 characters.</summary>
    public const string InvalidMessageId = "invalid_message_id";

    /// <summary>userId is not a string or integer, or is empty.</summary>
    public const string InvalidUserId = "invalid_user_id";

    /// <summary>message (the content) is not a string, or is empty.</summary>
    public const string InvalidContent = "invalid_content";

    /// <summary>The content is longer than 2,000 UTF-8 bytes, too long to index.</summary>
    public const string ContentTooLong = "content_too_long";

    /// <summary>A text field holds the NUL character, which PostgreSQL text cannot store.</summary>
    public const string ContainsNul = "contains_nul";

    /// <summary>A text field holds an unpaired UTF-16 surrogate escape (e.g. <c>\ud800</c>), which is no character.</summary>
    public const string InvalidUnicode = "invalid_unicode";

    /// <summary>timestamp is neither epoch seconds nor an ISO-8601 date and time, or is out of range.</summary>
    public const string InvalidTimestamp = "invalid_timestamp";

    /// <summary>messageType is not a word of 1 to 32 letters, digits, '_' or '-' starting with a letter.</summary>
    public const string InvalidMessageType = "invalid_message_type";

    /// <summary>userId, username, serverId or clientIp is longer than its column, or has the wrong JSON type.</summary>
    public const string FieldTooLong = "field_too_long";

    /// <summary>An optional field (username, serverId, clientIp) is neither a string nor null.</summary>
    public const string InvalidFieldType = "invalid_field_type";

    /// <summary>A MassTransit envelope that does not carry a <see cref="ChatMessagePosted"/>.</summary>
    public const string UnknownContract = "unknown_contract";

    /// <summary>The timestamp is a time, but outside the accepted window (by default year 2000 to now + 1 day; <see cref="TimestampWindow"/>).</summary>
    public const string TimestampOutOfRange = "timestamp_out_of_range";

    /// <summary>messageId, userId, username, messageType and content together exceed <see cref="ChatMessageLimits.IndexEntryBytes"/> UTF-8 bytes, too large for one covering-index entry.</summary>
    public const string IndexEntryTooLarge = "index_entry_too_large";

    /// <summary>A property of the chat message appears twice in one JSON object (which one counts would be a parser's choice).</summary>
    public const string DuplicateProperty = "duplicate_property";

    /// <summary>The body is larger than the ingest accepts; only its hash, size and a prefix are recorded.</summary>
    public const string PayloadTooLarge = "payload_too_large";

    /// <summary>A messageId already stored with different content (room, user, text, timestamp or type); the stored row is kept.</summary>
    public const string MessageIdConflict = "message_id_conflict";

    /// <summary>PostgreSQL (or the driver, encoding the row) refused the row although it passed validation (recorded rather than retried forever).</summary>
    public const string StorageRefused = "storage_refused";
}
