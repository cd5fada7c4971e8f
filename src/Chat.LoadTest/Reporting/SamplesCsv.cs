using System.Globalization;
using Chat.LoadTest.Sampling;

namespace Chat.LoadTest.Reporting;

/// <summary>The raw per-second series of a run (samples.csv); an unknown value is an empty field.</summary>
public static class SamplesCsv
{
    public const string FileName = "samples.csv";

    private static readonly (string Header, Func<LoadSample, double> Value)[] Columns =
    [
        ("seconds", s => s.Seconds),
        ("published_total", s => s.Published),
        ("publish_rate", s => s.PublishRate),
        ("stored_total_ingest", s => s.Stored),
        ("stored_rate_ingest", s => s.StoredRate),
        ("stored_rate_db", s => s.DbStoredRate),
        ("duplicate_rate", s => s.DuplicateRate),
        ("rejected_rate", s => s.RejectedRate),
        ("queue_depth", s => s.QueueDepth),
        ("queue_ready", s => s.QueueReady),
        ("queue_unacked", s => s.QueueUnacknowledged),
        ("consumers", s => s.Consumers),
        ("lag_p50_s_histogram", s => s.LagP50),
        ("lag_p95_s_histogram", s => s.LagP95),
        ("lag_p99_s_histogram", s => s.LagP99),
        ("lag_p50_s_db", s => s.DbLagP50),
        ("lag_p95_s_db", s => s.DbLagP95),
        ("lag_p99_s_db", s => s.DbLagP99),
        ("batch_write_p50_s", s => s.BatchWriteP50),
        ("batch_write_p95_s", s => s.BatchWriteP95),
        ("batch_write_p99_s", s => s.BatchWriteP99),
        ("mean_batch_size", s => s.MeanBatchSize),
        ("ingest_consumer_state", s => s.IngestConsumerState),
        ("ingest_cpu_pct", s => s.IngestCpu),
        ("ingest_rss_mb", s => s.IngestMemoryMb),
        ("postgres_cpu_pct", s => s.PostgresCpu),
        ("postgres_pss_mb", s => s.PostgresMemoryMb),
        ("rabbitmq_cpu_pct", s => s.RabbitMqCpu),
        ("rabbitmq_rss_mb", s => s.RabbitMqMemoryMb),
        ("loadtool_cpu_pct", s => s.LoadToolCpu),
        ("machine_cpu_pct", s => s.MachineCpu),
    ];

    public static async Task WriteAsync(string folder, IEnumerable<LoadSample> samples, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(Path.Combine(folder, FileName));
        await writer.WriteLineAsync(string.Join(',', Columns.Select(c => c.Header)));
        foreach (var sample in samples)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await writer.WriteLineAsync(string.Join(',', Columns.Select(c => Format(c.Value(sample)))));
        }
    }

    private static string Format(double value) =>
        double.IsNaN(value) || double.IsInfinity(value) ? "" : value.ToString("0.######", CultureInfo.InvariantCulture);
}
