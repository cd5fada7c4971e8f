using System.Globalization;
using Chat.Testing;

namespace Chat.Ingest.Benchmark;

/// <summary>(c) The real Chat.Ingest, run as a process with the variant's settings.</summary>
public static class IngestPhase
{
    private static readonly double[] WriteQuantiles = [0.5, 0.95, 0.99];

    public static async Task<PhaseResult> RunAsync(BenchmarkServers servers, BenchmarkOptions options)
    {
        var vhost = await servers.CreateVirtualHostAsync("ingest");
        var database = await servers.CreateDatabaseAsync("ingest");
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Chat"] = servers.ConnectionString(database, "chat_ingest"),
            ["RabbitMq__Host"] = servers.RabbitHost,
            ["RabbitMq__Port"] = servers.RabbitPort.ToString(CultureInfo.InvariantCulture),
            ["RabbitMq__VirtualHost"] = vhost,
            ["RabbitMq__Username"] = servers.RabbitUser,
            ["RabbitMq__Password"] = servers.RabbitPassword,
            ["Ingest__QueueCount"] = options.Queues.ToString(CultureInfo.InvariantCulture),
            ["Ingest__QueueType"] = options.QueueType == "quorum" ? "Quorum" : "Classic",
            ["Ingest__MessageLimit"] = options.MessageLimit.ToString(CultureInfo.InvariantCulture),
            ["Ingest__TimeLimit"] = TimeSpan.FromMilliseconds(options.TimeLimitMs).ToString("c", CultureInfo.InvariantCulture),
            ["Ingest__ConcurrencyLimit"] = options.Concurrency.ToString(CultureInfo.InvariantCulture),
            ["Serilog__MinimumLevel__Default"] = "Warning",
        };
        if (options.Prefetch is { } prefetch)
        {
            environment["Ingest__PrefetchCount"] = prefetch.ToString(CultureInfo.InvariantCulture);
        }

        await using var ingest = await ServiceProcess.StartAsync("Chat.Ingest", environment);
        try
        {
            var run = await StoredRows.PublishAndWaitAsync(servers, vhost, database, options);
            var write = WriteQuantiles.Select(q => ingest.HistogramQuantileAsync("chat_ingest_batch_write_seconds", q)).ToArray();
            await Task.WhenAll(write);
            var batches = await ingest.MetricAsync("chat_ingest_batches_total");
            var peak = ingest.PeakResidentBytes();
            await ingest.StopAsync();
            return new PhaseResult("Chat.Ingest", options.Describe(), options.Messages, run.Elapsed, run.PublishElapsed, run.Stored)
            {
                Details = new Dictionary<string, string>
                {
                    ["batch write p50 / p95 / p99"] = string.Join(" / ", write.Select(w => $"{w.Result * 1000:F0} ms")),
                    ["batches (mean size)"] = $"{batches:F0} ({run.Stored / Math.Max(batches, 1):F0})",
                    ["end-to-end lag p50 / p99"] = $"{run.LagP50Seconds:F2} s / {run.LagP99Seconds:F2} s",
                    ["peak RSS of the ingest"] = $"{peak / (1024.0 * 1024):F0} MB",
                },
            };
        }
        finally
        {
            await servers.DeleteVirtualHostAsync(vhost);
            await servers.DropDatabaseAsync(database);
        }
    }
}
