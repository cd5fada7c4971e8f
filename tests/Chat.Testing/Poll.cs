namespace Chat.Testing;

/// <summary>Waits for an outcome that arrives asynchronously, within a bound, failing with a clear message.</summary>
public static class Poll
{
    /// <summary>
    /// Evaluates <paramref name="condition"/> every <paramref name="interval"/> (default 200 ms)
    /// until it holds; throws a <see cref="TimeoutException"/> with <paramref name="describe"/>'s
    /// text (the state at the end) when <paramref name="timeout"/> passes first.
    /// </summary>
    public static async Task UntilAsync(
        Func<Task<bool>> condition, TimeSpan timeout, Func<Task<string>> describe, TimeSpan? interval = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not reached within {timeout}: {await describe()}");
            }

            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(200));
        }
    }
}
