using Chat.Query.Pipeline;
using GraphQL.Types;

namespace Chat.Query.GraphQL;

public sealed class IngestTrafficGraphType : ObjectGraphType<IngestTraffic>
{
    private const string LagResolution =
        " Estimated from the end-to-end lag histogram's buckets (interpolated inside a bucket, as PromQL's histogram_quantile does, so the resolution is the bucket width: see lagBucketBoundsSeconds); null when no message was stored.";

    public IngestTrafficGraphType()
    {
        Name = "IngestTraffic";
        Description = "What every Chat.Ingest instance together did over a recent window, from their /metrics.";
        Field<NonNullGraphType<IntGraphType>>("lastMinutes").Description("The window asked for, in minutes.")
            .Resolve(context => (int)context.Source.Window.TotalMinutes);
        Field(t => t.Instances).Description("How many ingest instances are configured; 0 when none is (the ingest is not watched).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IngestSampleGraphType>>>>("samples")
            .Description("One sample per sampling interval, oldest first. Fewer than the window holds just after this service started.")
            .Resolve(context => context.Source.Samples);
        Field<NonNullGraphType<FloatGraphType>>("coveredSeconds").Description("The time the samples cover, in seconds.")
            .Resolve(context => context.Source.Covered.TotalSeconds);
        Field<NonNullGraphType<CountGraphType>>("stored").Description("Messages stored in the window.")
            .Resolve(context => (long)context.Source.Total.Stored);
        Field<NonNullGraphType<CountGraphType>>("duplicates").Description("Messages that were already stored (redeliveries, producers sending again) in the window.")
            .Resolve(context => (long)context.Source.Total.Duplicates);
        Field<NonNullGraphType<CountGraphType>>("rejected").Description("Deliveries rejected (recorded in rejected_messages) in the window.")
            .Resolve(context => (long)context.Source.Total.Rejected);
        Field(t => t.StoredPerSecond, nullable: true).Description("Messages stored per second on average over the window; null before the first sample.");
        Field<FloatGraphType>("lagP50Seconds").Description("Median end-to-end lag (commit time minus the message's own timestamp) over the window, in seconds." + LagResolution)
            .Resolve(context => context.Source.LagQuantileSeconds(0.50));
        Field<FloatGraphType>("lagP95Seconds").Description("95th percentile of the end-to-end lag over the window, in seconds." + LagResolution)
            .Resolve(context => context.Source.LagQuantileSeconds(0.95));
        Field<FloatGraphType>("lagP99Seconds").Description("99th percentile of the end-to-end lag over the window, in seconds." + LagResolution)
            .Resolve(context => context.Source.LagQuantileSeconds(0.99));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FloatGraphType>>>>("lagBucketBoundsSeconds")
            .Description("The upper bounds of the ingest's lag histogram buckets, in seconds: the resolution of the lag percentiles. Empty before the first sample.")
            .Resolve(context => context.Source.LagBucketBoundsSeconds);
    }
}
