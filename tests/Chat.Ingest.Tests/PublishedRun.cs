namespace Chat.Ingest.Tests;

/// <summary>
/// A stream of distinct producer messages published in the background, and the checks that every
/// one of them ended up stored exactly once with nothing left in (or moved to) any queue.
/// </summary>
public sealed class PublishedRun(string prefix, int count)
{
    private Task? _publishing;

    public string Prefix => prefix;

    public int Count => count;

    /// <summary>SQL counting this stream's stored rows.</summary>
    public string CountSql => $"SELECT count(*) FROM messages WHERE message_id LIKE '{prefix}-%'";

    public void StartPublishing(Producer producer) =>
        _publishing = Task.Run(() => producer.PublishAllAsync(ProducerMessage.Stream(prefix, count)));

    /// <summary>Waits until the broker confirmed every message of the stream.</summary>
    public async Task PublishedAsync()
    {
        var publishing = _publishing ?? throw new InvalidOperationException("Not publishing.");
        var finished = await Task.WhenAny(publishing, Task.Delay(TimeSpan.FromMinutes(3)));
        Assert.True(finished == publishing, $"Publishing {count} messages took over three minutes.");
        await publishing;
    }

    /// <summary>
    /// Waits until every message is stored, then asserts it is stored once and that no queue of
    /// the virtual host holds anything or is an error/skipped queue.
    /// </summary>
    public Task AssertStoredExactlyOnceAsync(Func<string, Task<long>> countRows, RabbitMqVirtualHost virtualHost, Func<string> diagnostics) =>
        AssertStoredExactlyOnceAsync(countRows, virtualHost.QueuesAsync, diagnostics);

    /// <summary>The same on a broker of the test's own, in one of its virtual hosts.</summary>
    public Task AssertStoredExactlyOnceAsync(Func<string, Task<long>> countRows, RabbitMqServer broker, string virtualHost, Func<string> diagnostics) =>
        AssertStoredExactlyOnceAsync(countRows, async () => [.. (await broker.QueuesAsync(virtualHost)).Select(q => (q.Name, q.Messages))], diagnostics);

    private async Task AssertStoredExactlyOnceAsync(Func<string, Task<long>> countRows,
        Func<Task<IReadOnlyList<(string Name, long Messages)>>> queuesOf, Func<string> diagnostics)
    {
        await PublishedAsync();
        await Poll.UntilAsync(
            async () => await countRows(CountSql) >= count,
            TimeSpan.FromMinutes(3),
            async () => $"{await countRows(CountSql)} of {count} stored.\n{diagnostics()}");

        Assert.Equal(count, await countRows(CountSql));
        Assert.Equal(count, await countRows($"SELECT count(DISTINCT message_id) FROM messages WHERE message_id LIKE '{prefix}-%'"));
        await Poll.UntilAsync(
            async () => (await queuesOf()).All(q => q.Messages == 0),
            TimeSpan.FromSeconds(30),
            async () => $"Queues not drained: {string.Join(", ", await queuesOf())}");
        var queues = await queuesOf();
        Assert.DoesNotContain(queues, q => q.Name.EndsWith("_error", StringComparison.Ordinal) || q.Name.EndsWith("_skipped", StringComparison.Ordinal));
    }
}
