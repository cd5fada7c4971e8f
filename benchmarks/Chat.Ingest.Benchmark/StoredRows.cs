using System.Diagnostics;

namespace Chat.Ingest.Benchmark;

/// <summary>Watches a phase's database until every message is stored, and reads what the rows tell.</summary>
public static class StoredRows
{
    /// <summary>Polls count(*) of messages until it reaches <paramref name="expected"/> or the timeout passes; returns the count.</summary>
    public static async Task<long> WaitForAsync(BenchmarkServers servers, string database, long expected, Stopwatch clock, TimeSpan timeout)
    {
        long stored;
        while ((stored = await servers.ScalarAsync<long>(database, "SELECT count(*) FROM messages")) < expected && clock.Elapsed < timeout)
        {
            await Task.Delay(100);
        }

        return stored;
    }

    /// <summary>End-to-end lag percentiles over every row: created_at (its transaction's time) minus the message's timestamp.</summary>
    public static async Task<(double P50, double P99)> LagSecondsAsync(BenchmarkServers servers, string database)
    {
        var lags = await servers.ScalarAsync<double[]>(database, """
            SELECT percentile_cont(ARRAY[0.5, 0.99]) WITHIN GROUP (ORDER BY extract(epoch FROM created_at - "timestamp"))
            FROM messages
            """);
        return (lags[0], lags[1]);
    }
}
