namespace Chat.Query.Reads;

/// <summary>A page of messages, newest first, and whether more follow it.</summary>
public sealed record MessagePage(IReadOnlyList<ChatMessage> Messages, bool HasMore);

/// <summary>What page a client asks for: at most <paramref name="First"/> messages after the cursor, if any.</summary>
public sealed record PageRequest(int First, MessageCursor? After);

/// <summary>A half-open time range [Since, Until); a missing bound is unbounded.</summary>
public sealed record TimeRange(DateTimeOffset? Since, DateTimeOffset? Until);
