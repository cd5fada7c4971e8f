namespace Chat.LoadTest.Sampling;

/// <summary>One scrape of Chat.Ingest's /metrics, reduced to what the load run reads (contract of issue 3).</summary>
public sealed record IngestMetrics(
    double Stored,
    double Duplicates,
    double Rejected,
    double Batches,
    double ConsumerState,
    HistogramSnapshot BatchSize,
    HistogramSnapshot BatchWriteSeconds,
    HistogramSnapshot EndToEndLagSeconds)
{
    public static IngestMetrics From(PrometheusText text) => new(
        text.Sum("chat_ingest_messages_stored_total"),
        text.Sum("chat_ingest_messages_duplicate_total"),
        text.Sum("chat_ingest_messages_rejected_total"),
        text.Sum("chat_ingest_batches_total"),
        text.Sum("chat_ingest_consumer_state"),
        text.Histogram("chat_ingest_batch_size"),
        text.Histogram("chat_ingest_batch_write_seconds"),
        text.Histogram("chat_ingest_end_to_end_lag_seconds"));

    /// <summary>What happened between <paramref name="earlier"/> and this scrape (counters reset by a restart count from zero).</summary>
    public IngestMetrics Since(IngestMetrics earlier)
    {
        var restarted = Stored < earlier.Stored || Batches < earlier.Batches;
        var from = restarted ? Zero : earlier;
        return new IngestMetrics(
            Stored - from.Stored,
            Duplicates - from.Duplicates,
            Rejected - from.Rejected,
            Batches - from.Batches,
            ConsumerState,
            BatchSize.Minus(from.BatchSize),
            BatchWriteSeconds.Minus(from.BatchWriteSeconds),
            EndToEndLagSeconds.Minus(from.EndToEndLagSeconds));
    }

    public static readonly IngestMetrics Zero = new(0, 0, 0, 0, double.NaN, HistogramSnapshot.Empty, HistogramSnapshot.Empty, HistogramSnapshot.Empty);
}
