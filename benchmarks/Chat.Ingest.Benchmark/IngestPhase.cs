using System.Globalization;
using Chat.Testing;

namespace Chat.Ingest.Benchmark;

/// <summary>(c) The real Chat.Ingest, run as one process (or several competing ones) with the variant's settings.</summary>
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

        var instances = new List<ServiceProcess>();
        try
        {
            for (var i = 0; i < options.Instances; i++)
            {
                instances.Add(await ServiceProcess.StartAsync("Chat.Ingest", environment));
            }

            var run = await StoredRows.PublishAndWaitAsync(servers, vhost, database, options);
            var write = new List<string>();
            var batches = 0.0;
            foreach (var ingest in instances)
            {
                var quantiles = await Task.WhenAll(WriteQuantiles.Select(q => ingest.HistogramQuantileAsync("chat_ingest_batch_write_seconds", q)));
                write.Add(string.Join(" / ", quantiles.Select(w => $"{w * 1000:F0} ms")));
                batches += await ingest.MetricAsync("chat_ingest_batches_total");
            }

            var peak = instances.Max(i => i.PeakResidentBytes());
            foreach (var ingest in instances)
            {
                await ingest.StopAsync();
            }

            return new PhaseResult("Chat.Ingest", options.Describe(), options.Messages, run.Elapsed, run.PublishElapsed, run.Stored)
            {
                Details = new Dictionary<string, string>
                {
                    [instances.Count == 1 ? "batch write p50 / p95 / p99" : "batch write p50 / p95 / p99, per instance"] = string.Join("; ", write),
                    ["batches (mean size)"] = $"{batches:F0} ({run.Stored / Math.Max(batches, 1):F0})",
                    ["end-to-end lag p50 / p99"] = $"{run.LagP50Seconds:F2} s / {run.LagP99Seconds:F2} s",
                    [instances.Count == 1 ? "peak RSS of the ingest" : "peak RSS of an ingest process"] = $"{peak / (1024.0 * 1024):F0} MB",
                },
            };
        }
        finally
        {
            foreach (var ingest in instances)
            {
                await ingest.DisposeAsync();
            }

            await servers.DeleteVirtualHostAsync(vhost);
            await servers.DropDatabaseAsync(database);
        }
    }
}
