using Chat.Metrics;

namespace Chat.Query.Pipeline;

/// <summary>The ingest's traffic over a recent window: one sample per interval, and the window as a whole.</summary>
/// <param name="Window">The window asked for; the samples may cover less (just after Chat.Query started).</param>
/// <param name="Instances">How many ingest instances are configured (0: not watched).</param>
/// <param name="Samples">Oldest first.</param>
public sealed record IngestTraffic(TimeSpan Window, int Instances, IReadOnlyList<IngestSample> Samples)
{
    /// <summary>Everything the samples counted, as one interval.</summary>
    public IngestMetrics Total { get; } = Samples.Aggregate(IngestMetrics.Zero, (total, sample) => total.Plus(sample.Traffic));

    /// <summary>The time the samples cover.</summary>
    public TimeSpan Covered { get; } = Samples.Aggregate(TimeSpan.Zero, (total, sample) => total + sample.Interval);

    public double? StoredPerSecond => Covered > TimeSpan.Zero ? Total.Stored / Covered.TotalSeconds : null;

    public double? LagQuantileSeconds(double q) => IngestSample.Known(Total.EndToEndLagSeconds.Quantile(q));

    /// <summary>The lag histogram's bucket bounds: percentiles are interpolated inside these buckets, so this is their resolution.</summary>
    public IReadOnlyList<double> LagBucketBoundsSeconds => Total.EndToEndLagSeconds.FiniteBounds;
}
