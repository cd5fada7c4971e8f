namespace Chat.LoadTest.Traffic;

/// <summary>What the load publisher sends: who, where, how long, and how much of it is bad on purpose.</summary>
public sealed record TrafficSettings
{
    /// <summary>In every message id ("{RunId}:{index}"), so runs never collide unless the same id is given again.</summary>
    public required string RunId { get; init; }

    public int Rooms { get; init; } = 20;

    public int Users { get; init; } = 100_000;

    public int MinContentLength { get; init; } = 20;

    public int MaxContentLength { get; init; } = 200;

    /// <summary>Share of valid messages in the chat server's shape (text/plain); the rest in the load generator's.</summary>
    public double ChatServerShare { get; init; } = 0.5;

    /// <summary>Share of sends that repeat the id (and content) of an earlier message.</summary>
    public double DuplicateShare { get; init; } = 0.01;

    /// <summary>Share of sends that the ingest must reject, each with a payload of its own.</summary>
    public double InvalidShare { get; init; } = 0.001;

    public int Seed { get; init; } = 42;

    /// <summary>The old chat server accepted at most 500 characters and user ids 1..100,000.</summary>
    public void Validate()
    {
        if (RunId.Length is 0 or > 40 || !RunId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw new ArgumentException("--run-id must be 1-40 letters, digits, '-' or '_'.");
        if (Rooms < 1) throw new ArgumentException("--rooms must be at least 1.");
        if (Users is < 1 or > 100_000) throw new ArgumentException("--users must be between 1 and 100,000 (the chat server's range).");
        if (MinContentLength < 1 || MaxContentLength < MinContentLength || MaxContentLength > 500)
            throw new ArgumentException("content lengths must satisfy 1 <= min <= max <= 500 (the chat server's limit).");
        if (ChatServerShare is < 0 or > 1) throw new ArgumentException("--chat-server-share must be between 0 and 1.");
        if (DuplicateShare < 0 || InvalidShare < 0 || DuplicateShare + InvalidShare >= 1)
            throw new ArgumentException("--duplicate-share and --invalid-share must be >= 0 and add up to less than 1.");
    }
}
