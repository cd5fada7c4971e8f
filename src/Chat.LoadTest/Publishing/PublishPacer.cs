namespace Chat.LoadTest.Publishing;

/// <summary>
/// Holds publishing to a target rate (a token bucket in its "virtual schedule" form): each
/// reservation of n messages is due n/rate seconds after the previous one. Senders reserve
/// small chunks and wait until they are due, so the rate is exact on average even though a
/// timer cannot wait 33 µs (30,000 msg/s). After a stall (a GC, a slow broker) the schedule may
/// catch up by at most <see cref="Burst"/>, so a stall is not followed by a flood.
/// </summary>
public sealed class PublishPacer
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _clock;
    private readonly long _start;
    private double _nextDue; // seconds since start

    /// <param name="messagesPerSecond">The target rate; null for as fast as possible.</param>
    public PublishPacer(double? messagesPerSecond, TimeProvider clock, TimeSpan? burst = null)
    {
        if (messagesPerSecond is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(messagesPerSecond), "The rate must be positive (or null for unlimited).");
        }

        Rate = messagesPerSecond;
        Burst = burst ?? TimeSpan.FromMilliseconds(50);
        _clock = clock;
        _start = clock.GetTimestamp();
    }

    public double? Rate { get; }

    public TimeSpan Burst { get; }

    /// <summary>How many messages a sender should reserve at once: about a millisecond's worth.</summary>
    public int ChunkSize => Rate is { } rate ? (int)Math.Clamp(rate / 1000, 1, 256) : 256;

    /// <summary>Reserves <paramref name="count"/> sends; returns how long to wait before sending them.</summary>
    public TimeSpan Reserve(int count)
    {
        if (Rate is not { } rate)
        {
            return TimeSpan.Zero;
        }

        var now = _clock.GetElapsedTime(_start).TotalSeconds;
        double due;
        lock (_gate)
        {
            _nextDue = Math.Max(_nextDue, now - Burst.TotalSeconds);
            due = _nextDue;
            _nextDue += count / rate;
        }

        return due > now ? TimeSpan.FromSeconds(due - now) : TimeSpan.Zero;
    }
}
