namespace Chat.Contracts;

/// <summary>
/// The limits a chat message must respect to be stored: the widths of the <c>messages</c> columns
/// (schema/0001_messages.sql) and the content limit of its CHECK constraint.
/// </summary>
public static class ChatMessageLimits
{
    public const int MessageIdLength = 64;

    public const int UserIdLength = 64;

    public const int UsernameLength = 64;

    public const int MessageTypeLength = 32;

    public const int ServerIdLength = 128;

    public const int ClientIpLength = 64;

    /// <summary>
    /// Content limit in UTF-8 bytes. The covering indexes idx_messages_room_time and
    /// idx_messages_user_time hold the content, and a B-tree entry may not exceed 2,704 bytes (a
    /// third of an 8 KiB page); the other key and INCLUDE columns take at most about 330 bytes, so
    /// 2,000 bytes leaves a margin and still holds the old server's 500 characters in any script.
    /// </summary>
    public const int ContentBytes = 2000;
}
