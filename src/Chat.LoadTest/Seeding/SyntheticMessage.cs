namespace Chat.LoadTest.Seeding;

/// <summary>One generated row of the messages table.</summary>
public readonly record struct SyntheticMessage(
    string MessageId,
    int RoomId,
    string UserId,
    string Username,
    string Content,
    string MessageType,
    DateTimeOffset Timestamp,
    string ServerId,
    string ClientIp,
    DateTimeOffset CreatedAt);
