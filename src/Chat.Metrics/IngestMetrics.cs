namespace Chat.Metrics;

/// <summary>One scrape of Chat.Ingest's /metrics, reduced to what its readers use (contract of issue 3).</summary>
/// <param name="ConsumerState">1 while the instance consumes, 0 while paused; summed over instances, how many consume.</param>
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
    public static readonly IngestMetrics Zero = new(0, 0, 0, 0, double.NaN, HistogramSnapshot.Empty, HistogramSnapshot.Empty, HistogramSnapshot.Empty);

    /// <summary>
    /// The ingest's metrics in a scrape. A counter that is absent has counted nothing yet (a
    /// labelled counter, such as the rejections by reason, appears with its first label); an
    /// absent consumer state is unknown (NaN).
    /// </summary>
    public static IngestMetrics From(PrometheusText text) => new(
        Counter(text, IngestMetricNames.MessagesStored),
        Counter(text, IngestMetricNames.MessagesDuplicate),
        Counter(text, IngestMetricNames.MessagesRejected),
        Counter(text, IngestMetricNames.Batches),
        text.Sum(IngestMetricNames.ConsumerState),
        text.Histogram(IngestMetricNames.BatchSize),
        text.Histogram(IngestMetricNames.BatchWriteSeconds),
        text.Histogram(IngestMetricNames.EndToEndLagSeconds));

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

    /// <summary>
    /// This and <paramref name="other"/> together, as one ingest would count them: counters summed,
    /// histograms merged, consumer states summed (an unknown state counts as nothing).
    /// </summary>
    public IngestMetrics Plus(IngestMetrics other) => new(
        Stored + other.Stored,
        Duplicates + other.Duplicates,
        Rejected + other.Rejected,
        Batches + other.Batches,
        double.IsNaN(ConsumerState) ? other.ConsumerState
            : double.IsNaN(other.ConsumerState) ? ConsumerState
            : ConsumerState + other.ConsumerState,
        BatchSize.Plus(other.BatchSize),
        BatchWriteSeconds.Plus(other.BatchWriteSeconds),
        EndToEndLagSeconds.Plus(other.EndToEndLagSeconds));

    private static double Counter(PrometheusText text, string name) => text.Sum(name) is var sum && double.IsNaN(sum) ? 0 : sum;
}
