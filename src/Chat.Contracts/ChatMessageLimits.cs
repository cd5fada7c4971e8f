namespace Chat.Contracts;

/// <summary>
/// The limits a chat message must respect to be stored: the widths of the <c>messages</c> columns
/// (schema/0001_messages.sql), the content limit of its CHECK constraint, and the size of one
/// entry of the covering indexes (schema/0002_message_indexes.sql).
/// </summary>
public static class ChatMessageLimits
{
    public const int MessageIdLength = 64;

    public const int UserIdLength = 64;

    public const int UsernameLength = 64;

    public const int MessageTypeLength = 32;

    public const int ServerIdLength = 128;

    public const int ClientIpLength = 64;

    /// <summary>Content limit in UTF-8 bytes (CHECK messages_content_indexable).</summary>
    public const int ContentBytes = 2000;

    /// <summary>
    /// The most UTF-8 bytes that message_id, user_id, username, message_type and content may take
    /// together. idx_messages_room_time and idx_messages_user_time hold all five in one B-tree
    /// entry, which PostgreSQL refuses above 2,704 bytes (54000, "index row size exceeds btree
    /// version 4 maximum"). The rest of an entry is at most 80 bytes: the tuple header with its
    /// null bitmap (16), room_id and "timestamp" with their alignment (19), a 4-byte length and up
    /// to 3 bytes of alignment per text column (35) and the final 8-byte alignment (7). 64
    /// characters of 4 bytes in each of the three ids (768) plus 2,000 bytes of content pass 2,704;
    /// this budget does not. (PostgreSQL may compress an entry; this counts it uncompressed, so it
    /// never accepts what PostgreSQL refuses.)
    /// </summary>
    public const int IndexEntryBytes = 2600;
}
