using System.Diagnostics;

namespace Chat.Ingest.Benchmark;

/// <summary>
/// Publishes a phase's traffic and watches its database until every message is stored: the
/// measurement of the phases that write to PostgreSQL.
/// </summary>
public static class StoredRows
{
    public sealed record Measurement(long Stored, TimeSpan Elapsed, TimeSpan PublishElapsed, double LagP50Seconds, double LagP99Seconds);

    public static async Task<Measurement> PublishAndWaitAsync(BenchmarkServers servers, string virtualHost, string database, BenchmarkOptions options)
    {
        using var timeout = new CancellationTokenSource(options.PhaseTimeout);
        var clock = Stopwatch.StartNew();
        var publishing = LoadPublisher.PublishAsync(servers.AmqpUri(virtualHost), options.Messages, options.Publishers, timeout.Token);
        long stored;
        while ((stored = await servers.ScalarAsync<long>(database, "SELECT count(*) FROM messages")) < options.Messages
               && clock.Elapsed < options.PhaseTimeout)
        {
            await Task.Delay(100);
        }

        var elapsed = clock.Elapsed;
        var publishElapsed = await publishing;

        // End-to-end lag over every row: created_at (its transaction's time) minus the message's timestamp.
        var lags = await servers.ScalarAsync<double[]>(database, """
            SELECT percentile_cont(ARRAY[0.5, 0.99]) WITHIN GROUP (ORDER BY extract(epoch FROM created_at - "timestamp"))
            FROM messages
            """);
        return new Measurement(stored, elapsed, publishElapsed, lags[0], lags[1]);
    }
}
