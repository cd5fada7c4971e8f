namespace Chat.Query.Reads;

/// <summary>One stored chat message, as the timeline and history pages show it.</summary>
public sealed record ChatMessage(
    string Id,
    int RoomId,
    string UserId,
    string? Username,
    string Content,
    string? Type,
    DateTimeOffset Timestamp);
