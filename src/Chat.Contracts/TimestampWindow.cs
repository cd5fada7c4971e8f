namespace Chat.Contracts;

/// <summary>
/// The timestamps a chat message may carry: from <see cref="Earliest"/> up to <see cref="Ahead"/>
/// past the time of reading. Outside it a message is rejected (<see cref="RejectionReason.TimestampOutOfRange"/>),
/// so that a producer's zero value (0001-01-01, stored as -infinity) or a clock years ahead never
/// reaches the log and its time-partitioned views.
/// </summary>
public sealed record TimestampWindow(DateTimeOffset Earliest, TimeSpan Ahead)
{
    /// <summary>Year 2000 to now + 1 day.</summary>
    public static TimestampWindow Default { get; } = new(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromDays(1));

    public bool Contains(DateTimeOffset timestamp, DateTimeOffset now) => timestamp >= Earliest && timestamp <= now + Ahead;
}
