using Chat.Metrics;

namespace Chat.Query.Pipeline;

/// <summary>
/// What every ingest instance together did in one sampling interval ending at <paramref name="At"/>:
/// the difference of two scrapes, counters summed and histograms merged over the instances.
/// </summary>
/// <param name="Traffic">The interval's counts and histogram deltas (its consumer state is not used: see <paramref name="InstancesConsuming"/>).</param>
public sealed record IngestSample(
    DateTimeOffset At,
    TimeSpan Interval,
    IngestMetrics Traffic,
    int InstancesAnswering,
    int InstancesConsuming)
{
    public double StoredPerSecond => PerSecond(Traffic.Stored);

    public double DuplicatesPerSecond => PerSecond(Traffic.Duplicates);

    public double RejectedPerSecond => PerSecond(Traffic.Rejected);

    public double BatchesPerSecond => PerSecond(Traffic.Batches);

    public double? LagP50Seconds => Known(Traffic.EndToEndLagSeconds.Quantile(0.50));

    public double? LagP95Seconds => Known(Traffic.EndToEndLagSeconds.Quantile(0.95));

    public double? LagP99Seconds => Known(Traffic.EndToEndLagSeconds.Quantile(0.99));

    public double? BatchWriteP95Seconds => Known(Traffic.BatchWriteSeconds.Quantile(0.95));

    /// <summary>A quantile of a histogram with no observations is unknown (NaN), which the API says as null.</summary>
    public static double? Known(double value) => double.IsNaN(value) ? null : value;

    private double PerSecond(double count) => Interval > TimeSpan.Zero ? count / Interval.TotalSeconds : 0;
}
