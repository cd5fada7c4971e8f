namespace Chat.LoadTest.Publishing;

/// <summary>
/// Hands out send numbers 0, 1, 2, ... to concurrent senders until the run's count is reached
/// or its duration is over, whichever is given.
/// </summary>
public sealed class SendSequence(long? messages, TimeSpan? duration, TimeProvider clock)
{
    private readonly long _start = clock.GetTimestamp();
    private long _next;

    public long Taken => Math.Min(Interlocked.Read(ref _next), messages ?? long.MaxValue);

    public bool TryTake(int max, out long first, out int count)
    {
        first = 0;
        count = 0;
        if (duration is { } limit && clock.GetElapsedTime(_start) >= limit)
        {
            return false;
        }

        var end = Interlocked.Add(ref _next, max);
        first = end - max;
        var last = messages is { } total ? Math.Min(end, total) : end;
        count = (int)Math.Max(0, last - first);
        return count > 0;
    }
}
