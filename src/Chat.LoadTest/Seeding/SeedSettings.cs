namespace Chat.LoadTest.Seeding;

/// <summary>What to generate: a month of realistic chat traffic by default.</summary>
public sealed record SeedSettings
{
    public long Messages { get; init; } = 1_000_000;

    public int Rooms { get; init; } = 20;

    public int Users { get; init; } = 100_000;

    public int Days { get; init; } = 30;

    /// <summary>The newest message's time; the oldest is <see cref="Days"/> before it.</summary>
    public DateTimeOffset End { get; init; } = DateTimeOffset.UtcNow;

    public int MinContentLength { get; init; } = 20;

    public int MaxContentLength { get; init; } = 200;

    /// <summary>Prefix of every message id, so seeded runs never collide with each other.</summary>
    public string RunId { get; init; } = "seed";

    public int Seed { get; init; } = 42;

    /// <summary>Concurrent COPY streams.</summary>
    public int Writers { get; init; } = 2;

    public void Validate()
    {
        if (Messages < 1) throw new ArgumentException("--messages must be at least 1.");
        if (Rooms < 1) throw new ArgumentException("--rooms must be at least 1.");
        if (Users < 1) throw new ArgumentException("--users must be at least 1.");
        if (Days < 1) throw new ArgumentException("--days must be at least 1.");
        if (MinContentLength < 1 || MaxContentLength < MinContentLength || MaxContentLength > 500)
            throw new ArgumentException("content lengths must satisfy 1 <= min <= max <= 500.");
        if (Writers is < 1 or > 8) throw new ArgumentException("--writers must be between 1 and 8.");
        if (RunId.Length is 0 or > 40 || !RunId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw new ArgumentException("--run-id must be 1-40 letters, digits, '-' or '_'.");
    }
}
