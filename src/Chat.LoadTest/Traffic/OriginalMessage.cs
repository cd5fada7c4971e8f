namespace Chat.LoadTest.Traffic;

/// <summary>The fields of one original message, before it is put into a wire shape.</summary>
public sealed record OriginalMessage(
    long Index,
    int RoomId,
    int UserId,
    bool InChatServerShape,
    string Content,
    string MessageType,
    string? ServerId,
    string? ClientIp);
