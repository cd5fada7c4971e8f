using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Chat.Contracts;

/// <summary>
/// Reads and validates a chat message as the producers publish it. Pure code, no I/O.
/// </summary>
/// <remarks>
/// Accepted shapes (../shared/seed/wire-formats.md):
/// <list type="bullet">
/// <item>the chat server's (<c>text/plain</c>): roomId and userId as JSON strings, timestamp as
/// epoch seconds with a fraction (read exactly as a decimal, never as a double);</item>
/// <item>the load generator's (<c>application/json</c>): timestamp as an ISO-8601 string,
/// messageType <c>chat</c>;</item>
/// <item>a MassTransit envelope (<c>application/vnd.masstransit+json</c>) whose messageType lists
/// <see cref="EnvelopeMessageType"/> and whose message is a <see cref="ChatMessagePosted"/>.</item>
/// </list>
/// The content type is not trusted: the body decides. roomId may be a JSON integer or a string of
/// digits, timestamp epoch seconds or ISO-8601 (without an offset it is taken as UTC), userId a
/// string or an integer. Timestamps keep microseconds, PostgreSQL's precision; finer digits are
/// dropped. messageType is upper-cased. Unknown properties are ignored. A message that breaks a
/// rule is rejected with one <see cref="RejectionReason"/> and a detail naming the field.
/// </remarks>
public static class ChatMessageWireFormat
{
    /// <summary>The MassTransit message type URN of <see cref="ChatMessagePosted"/>.</summary>
    public const string EnvelopeMessageType = "urn:message:Chat.Contracts:ChatMessagePosted";

    private const int MaxEchoedLength = 80;

    // DateTimeOffset's range in epoch seconds (0001-01-01 .. 9999-12-31T23:59:59Z).
    private const decimal MinEpochSeconds = -62_135_596_800m;
    private const decimal MaxEpochSeconds = 253_402_300_799m;

    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 };

    /// <summary>Reads one delivery body, with the default <see cref="TimestampWindow"/> around the current time.</summary>
    public static ChatMessageParseResult Parse(ReadOnlySpan<byte> body) => Parse(body, TimestampWindow.Default, DateTimeOffset.UtcNow);

    /// <summary>Reads one delivery body; its timestamp must lie in <paramref name="window"/> around <paramref name="now"/>.</summary>
    public static ChatMessageParseResult Parse(ReadOnlySpan<byte> body, TimestampWindow window, DateTimeOffset now)
    {
        if (body.IsEmpty)
        {
            return ChatMessageParseResult.Rejected(RejectionReason.InvalidJson, "The body is empty.");
        }

        if (!Utf8.IsValid(body))
        {
            return ChatMessageParseResult.Rejected(RejectionReason.InvalidJson, "The body is not valid UTF-8.");
        }

        Fields root;
        try
        {
            var reader = new Utf8JsonReader(body, ReaderOptions);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return ChatMessageParseResult.Rejected(RejectionReason.InvalidJson,
                    $"The body is a JSON {Describe(reader.TokenType)}, not an object.");
            }

            root = Fields.Read(ref reader, isRoot: true);
            if (reader.Read())
            {
                return ChatMessageParseResult.Rejected(RejectionReason.InvalidJson, "The body holds more than one JSON value.");
            }
        }
        catch (JsonException e)
        {
            return ChatMessageParseResult.Rejected(RejectionReason.InvalidJson, $"The body is not valid JSON: {e.Message}");
        }
        catch (DuplicatePropertyException e)
        {
            return ChatMessageParseResult.Rejected(RejectionReason.DuplicateProperty,
                $"The property {e.Name} appears more than once in one object; which one counts would be a guess.");
        }
        catch (InvalidOperationException)
        {
            // The body is valid UTF-8, so the reader refused an escaped unpaired surrogate (e.g. \ud800).
            return ChatMessageParseResult.Rejected(RejectionReason.InvalidUnicode,
                "A string holds an unpaired UTF-16 surrogate escape, which is not a character.");
        }

        if (root.Envelope is { } envelope)
        {
            if (root.EnvelopeMessageTypes is not { } types || !types.Contains(EnvelopeMessageType, StringComparer.Ordinal))
            {
                return ChatMessageParseResult.Rejected(RejectionReason.UnknownContract,
                    $"A MassTransit envelope of [{string.Join(", ", root.EnvelopeMessageTypes ?? [])}], not of {EnvelopeMessageType}.",
                    envelope.MessageId.Text);
            }

            return Validate(envelope, window, now);
        }

        return Validate(root, window, now);
    }

    private static ChatMessageParseResult Validate(Fields fields, TimestampWindow window, DateTimeOffset now)
    {
        // The first problem found is the reason; the order is that of the fields on the wire.
        var problem = RequiredText("messageId", fields.MessageId, RejectionReason.InvalidMessageId)
            ?? MaxLength("messageId", fields.MessageId, ChatMessageLimits.MessageIdLength, RejectionReason.InvalidMessageId)
            ?? RoomId(fields.RoomId)
            ?? UserId(fields.UserId)
            ?? Optional("username", fields.Username, ChatMessageLimits.UsernameLength)
            ?? RequiredText("message", fields.Content, RejectionReason.InvalidContent)
            ?? ContentSize(fields.Content)
            ?? Timestamp(fields.Timestamp, window, now)
            ?? MessageType(fields.MessageType)
            ?? Optional("serverId", fields.ServerId, ChatMessageLimits.ServerIdLength)
            ?? Optional("clientIp", fields.ClientIp, ChatMessageLimits.ClientIpLength)
            ?? IndexEntrySize(fields);
        if (problem is { } rejected)
        {
            var givenId = fields.MessageId.Token == JsonTokenType.String ? Truncate(fields.MessageId.Text!, 256) : null;
            return ChatMessageParseResult.Rejected(rejected.Reason, rejected.Detail, givenId);
        }

        TryReadRoomId(fields.RoomId, out var roomId);
        TryReadTimestamp(fields.Timestamp, out var timestamp, out _);
        return ChatMessageParseResult.Valid(new ChatMessagePosted
        {
            MessageId = fields.MessageId.Text!,
            RoomId = roomId,
            UserId = fields.UserId.Text!,
            Username = fields.Username.Text,
            Message = fields.Content.Text!,
            Timestamp = timestamp,
            MessageType = fields.MessageType.Text!.ToUpperInvariant(),
            ServerId = fields.ServerId.Text,
            ClientIp = fields.ClientIp.Text,
        });
    }

    /// <summary>A required string: present, a string, no NUL, not empty.</summary>
    private static Problem? RequiredText(string name, Field field, string invalidReason)
    {
        if (field.IsMissing)
        {
            return new(RejectionReason.MissingField, $"{name} is missing.");
        }

        if (field.Token != JsonTokenType.String)
        {
            return new(invalidReason, $"{name} must be a string, not a JSON {Describe(field.Token)}.");
        }

        return NoNul(name, field.Text!) ?? (field.Text!.Length == 0 ? new(invalidReason, $"{name} is empty.") : null);
    }

    private static Problem? RoomId(Field field)
    {
        if (field.IsMissing)
        {
            return new(RejectionReason.MissingField, "roomId is missing.");
        }

        if (TryReadRoomId(field, out _))
        {
            return null;
        }

        return new(RejectionReason.InvalidRoomId, field.Token is JsonTokenType.String or JsonTokenType.Number
            ? $"roomId {Echo(field.Text!)} is not a positive integer."
            : $"roomId must be a positive integer, not a JSON {Describe(field.Token)}.");
    }

    // A string, or an integer kept as its digits (lossless).
    private static Problem? UserId(Field field)
    {
        if (field.Token == JsonTokenType.Number)
        {
            return IsInteger(field.Text!)
                ? MaxLength("userId", field, ChatMessageLimits.UserIdLength, RejectionReason.FieldTooLong)
                : new(RejectionReason.InvalidUserId, $"userId {field.Text} is a number but not an integer.");
        }

        return RequiredText("userId", field, RejectionReason.InvalidUserId)
            ?? MaxLength("userId", field, ChatMessageLimits.UserIdLength, RejectionReason.FieldTooLong);
    }

    private static Problem? ContentSize(Field field)
    {
        var bytes = Encoding.UTF8.GetByteCount(field.Text!);
        return bytes > ChatMessageLimits.ContentBytes
            ? new(RejectionReason.ContentTooLong, $"message is {bytes} bytes of UTF-8; at most {ChatMessageLimits.ContentBytes} can be indexed.")
            : null;
    }

    private static Problem? Timestamp(Field field, TimestampWindow window, DateTimeOffset now)
    {
        if (field.IsMissing)
        {
            return new(RejectionReason.MissingField, "timestamp is missing.");
        }

        if (!TryReadTimestamp(field, out var timestamp, out var problem))
        {
            return new(RejectionReason.InvalidTimestamp, problem);
        }

        return window.Contains(timestamp, now) ? null : new(RejectionReason.TimestampOutOfRange, string.Create(CultureInfo.InvariantCulture,
            $"timestamp {timestamp.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'} lies outside {window.Earliest.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'} .. now + {window.Ahead}."));
    }

    // Every field is valid on its own here; together they must still fit one covering-index entry.
    private static Problem? IndexEntrySize(Fields fields)
    {
        var bytes = Encoding.UTF8.GetByteCount(fields.MessageId.Text!)
            + Encoding.UTF8.GetByteCount(fields.UserId.Text!)
            + Encoding.UTF8.GetByteCount(fields.Username.Text ?? "")
            + Encoding.UTF8.GetByteCount(fields.MessageType.Text!)
            + Encoding.UTF8.GetByteCount(fields.Content.Text!);
        return bytes > ChatMessageLimits.IndexEntryBytes
            ? new(RejectionReason.IndexEntryTooLarge,
                $"messageId, userId, username, messageType and message are {bytes} bytes of UTF-8 together; one index entry holds at most {ChatMessageLimits.IndexEntryBytes}.")
            : null;
    }

    private static Problem? MessageType(Field field)
    {
        if (field.IsMissing)
        {
            return new(RejectionReason.MissingField, "messageType is missing.");
        }

        if (field.Token != JsonTokenType.String)
        {
            return new(RejectionReason.InvalidMessageType, $"messageType must be a string, not a JSON {Describe(field.Token)}.");
        }

        return IsWord(field.Text!) ? null : new(RejectionReason.InvalidMessageType,
            $"messageType {Echo(field.Text!)} is not a word of 1 to {ChatMessageLimits.MessageTypeLength} letters, digits, '_' or '-' starting with a letter.");
    }

    private static bool TryReadRoomId(Field field, out int roomId)
    {
        roomId = 0;
        var text = field.Text;
        return field.Token is JsonTokenType.String or JsonTokenType.Number
            && text is { Length: > 0 and <= 10 }
            && text.All(char.IsAsciiDigit)
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out roomId)
            && roomId > 0;
    }

    private static bool TryReadTimestamp(Field field, out DateTimeOffset timestamp, out string problem)
    {
        timestamp = default;
        problem = "";
        switch (field.Token)
        {
            case JsonTokenType.Number:
                // Exactly, as a decimal: a double has no room for nanosecond digits of today's epoch.
                if (!decimal.TryParse(field.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                    || seconds < MinEpochSeconds || seconds > MaxEpochSeconds)
                {
                    problem = $"timestamp {Echo(field.Text!)} is not a time: epoch seconds must lie between years 1 and 9999.";
                    return false;
                }

                var microseconds = (long)decimal.Floor(seconds * 1_000_000m);
                timestamp = DateTimeOffset.UnixEpoch.AddTicks(microseconds * TimeSpan.TicksPerMicrosecond);
                return true;
            case JsonTokenType.String when field.Time is { } time:
                timestamp = time.AddTicks(-(time.Ticks % TimeSpan.TicksPerMicrosecond));
                return true;
            case JsonTokenType.String:
                problem = $"timestamp {Echo(field.Text!)} is not an ISO-8601 date and time (e.g. 2025-11-20T21:10:55.093412Z).";
                return false;
            default:
                problem = $"timestamp must be epoch seconds or an ISO-8601 string, not a JSON {Describe(field.Token)}.";
                return false;
        }
    }

    /// <summary>An optional string: absent, null, or a string without NUL within its column's width.</summary>
    private static Problem? Optional(string name, Field field, int maxLength)
    {
        if (field.IsMissing)
        {
            return null;
        }

        if (field.Token != JsonTokenType.String)
        {
            return new(RejectionReason.InvalidFieldType, $"{name} must be a string or null, not a JSON {Describe(field.Token)}.");
        }

        return NoNul(name, field.Text!) ?? MaxLength(name, field, maxLength, RejectionReason.FieldTooLong);
    }

    private static Problem? NoNul(string name, string text) => text.Contains('\0', StringComparison.Ordinal)
        ? new(RejectionReason.ContainsNul, $"{name} holds a NUL character (\\u0000), which PostgreSQL text cannot store.")
        : null;

    private static Problem? MaxLength(string name, Field field, int maxLength, string reason)
    {
        var length = CharacterCount(field.Text!);
        return length > maxLength ? new(reason, $"{name} is {length} characters long; at most {maxLength} are allowed.") : null;
    }

    // Characters as PostgreSQL's varchar(n) counts them: code points, not UTF-16 units.
    private static int CharacterCount(string text)
    {
        var surrogatePairs = 0;
        foreach (var c in text)
        {
            if (char.IsLowSurrogate(c))
            {
                surrogatePairs++;
            }
        }

        return text.Length - surrogatePairs;
    }

    private static bool IsWord(string text) =>
        text.Length is > 0 and <= ChatMessageLimits.MessageTypeLength
        && char.IsAsciiLetter(text[0])
        && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    private static bool IsInteger(string number) => number.All(c => char.IsAsciiDigit(c) || c == '-');

    private static string Echo(string text) => JsonSerializer.Serialize(Truncate(text, MaxEchoedLength));

    // Never between the two halves of a surrogate pair: half a pair is not a character, and no
    // encoder (nor PostgreSQL) takes it.
    private static string Truncate(string text, int length)
    {
        if (text.Length <= length)
        {
            return text;
        }

        var cut = char.IsHighSurrogate(text[length - 1]) ? length - 1 : length;
        return text[..cut] + "…";
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "object",
        JsonTokenType.StartArray => "array",
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        JsonTokenType.True or JsonTokenType.False => "boolean",
        JsonTokenType.Null => "null",
        _ => "value",
    };

    /// <summary>A property of the chat message given twice in one object.</summary>
    private sealed class DuplicatePropertyException(string name) : Exception
    {
        public string Name { get; } = name;
    }

    /// <summary>Why a field cannot be stored: a <see cref="RejectionReason"/> and a detail for a person.</summary>
    private readonly record struct Problem(string Reason, string Detail);

    /// <summary>One property as read: its JSON type and text (a string's value or a number's digits).</summary>
    private readonly record struct Field(JsonTokenType Token, string? Text, DateTimeOffset? Time = null)
    {
        public bool IsMissing => Token is JsonTokenType.None or JsonTokenType.Null;
    }

    /// <summary>The properties of one JSON object that a chat message may have.</summary>
    private sealed class Fields
    {
        public Field MessageId { get; private set; }
        public Field RoomId { get; private set; }
        public Field UserId { get; private set; }
        public Field Username { get; private set; }
        public Field Content { get; private set; }
        public Field Timestamp { get; private set; }
        public Field MessageType { get; private set; }
        public Field ServerId { get; private set; }
        public Field ClientIp { get; private set; }

        /// <summary>The "message" object of a MassTransit envelope (only at the root).</summary>
        public Fields? Envelope { get; private set; }

        /// <summary>The "messageType" array of a MassTransit envelope (only at the root).</summary>
        public List<string>? EnvelopeMessageTypes { get; private set; }

        /// <summary>Reads the object whose StartObject the reader is on, up to its EndObject.</summary>
        public static Fields Read(ref Utf8JsonReader reader, bool isRoot)
        {
            var fields = new Fields();
            var seen = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("messageId"u8))
                {
                    Once(ref seen, 0, "messageId");
                    fields.MessageId = ReadValue(ref reader);
                }
                else if (reader.ValueTextEquals("roomId"u8))
                {
                    Once(ref seen, 1, "roomId");
                    fields.RoomId = ReadValue(ref reader);
                }
                else if (reader.ValueTextEquals("userId"u8))
                {
                    Once(ref seen, 2, "userId");
                    fields.UserId = ReadValue(ref reader);
                }
                else if (reader.ValueTextEquals("username"u8))
                {
                    Once(ref seen, 3, "username");
                    fields.Username = ReadValue(ref reader);
                }
                else if (reader.ValueTextEquals("message"u8))
                {
                    Once(ref seen, 4, "message");
                    reader.Read();
                    if (isRoot && reader.TokenType == JsonTokenType.StartObject)
                    {
                        fields.Envelope = Read(ref reader, isRoot: false);
                    }
                    else
                    {
                        fields.Content = CurrentValue(ref reader);
                    }
                }
                else if (reader.ValueTextEquals("timestamp"u8))
                {
                    Once(ref seen, 5, "timestamp");
                    fields.Timestamp = ReadValue(ref reader, isTime: true);
                }
                else if (reader.ValueTextEquals("messageType"u8))
                {
                    Once(ref seen, 6, "messageType");
                    reader.Read();
                    if (isRoot && reader.TokenType == JsonTokenType.StartArray)
                    {
                        fields.EnvelopeMessageTypes = ReadStrings(ref reader);
                    }
                    else
                    {
                        fields.MessageType = CurrentValue(ref reader);
                    }
                }
                else if (reader.ValueTextEquals("serverId"u8))
                {
                    Once(ref seen, 7, "serverId");
                    fields.ServerId = ReadValue(ref reader);
                }
                else if (reader.ValueTextEquals("clientIp"u8))
                {
                    Once(ref seen, 8, "clientIp");
                    fields.ClientIp = ReadValue(ref reader);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            return fields;
        }

        // Only the properties that are read count; an unknown property given twice changes nothing.
        private static void Once(ref int seen, int bit, string name)
        {
            if ((seen & (1 << bit)) != 0)
            {
                throw new DuplicatePropertyException(name);
            }

            seen |= 1 << bit;
        }

        private static Field ReadValue(ref Utf8JsonReader reader, bool isTime = false)
        {
            reader.Read();
            return CurrentValue(ref reader, isTime);
        }

        private static Field CurrentValue(ref Utf8JsonReader reader, bool isTime = false)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    var text = reader.GetString()!;
                    if (reader.ValueIsEscaped && HasUnpairedSurrogate(text))
                    {
                        throw new InvalidOperationException("An unpaired surrogate escape.");
                    }

                    return new Field(JsonTokenType.String, text, isTime ? ReadIsoTime(ref reader) : null);
                case JsonTokenType.Number:
                    return new Field(JsonTokenType.Number, Encoding.UTF8.GetString(reader.ValueSpan));
                default:
                    var token = reader.TokenType;
                    reader.Skip();
                    return new Field(token, null);
            }
        }

        // Valid UTF-8 holds no surrogates; only a \uXXXX escape can bring half a pair.
        private static bool HasUnpairedSurrogate(string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                }
                else if (char.IsSurrogate(text[i]))
                {
                    return true;
                }
            }

            return false;
        }

                private static DateTimeOffset? ReadIsoTime(ref Utf8JsonReader reader)
        {
            if (!reader.TryGetDateTime(out var local))
            {
                return null;
            }

            // Without an offset the time is taken as UTC, never as this machine's local time.
            if (local.Kind == DateTimeKind.Unspecified)
            {
                return new DateTimeOffset(local, TimeSpan.Zero);
            }

            return reader.TryGetDateTimeOffset(out var withOffset) ? withOffset : null;
        }

        private static List<string> ReadStrings(ref Utf8JsonReader reader)
        {
            var values = new List<string>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType == JsonTokenType.String)
                {
                    values.Add(reader.GetString()!);
                }
                else
                {
                    reader.Skip();
                }
            }

            return values;
        }
    }
}
