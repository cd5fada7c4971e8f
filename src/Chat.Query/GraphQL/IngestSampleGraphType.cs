using Chat.Query.Pipeline;
using GraphQL.Types;

namespace Chat.Query.GraphQL;

public sealed class IngestSampleGraphType : ObjectGraphType<IngestSample>
{
    public IngestSampleGraphType()
    {
        Name = "IngestSample";
        Description = "What every Chat.Ingest instance together did in one sampling interval (the difference of two scrapes of their /metrics).";
        Field(s => s.At).Description("End of the interval.");
        Field<NonNullGraphType<FloatGraphType>>("intervalSeconds").Description("Length of the interval, in seconds.")
            .Resolve(context => context.Source.Interval.TotalSeconds);
        Field(s => s.StoredPerSecond).Description("Messages stored per second.");
        Field(s => s.DuplicatesPerSecond).Description("Messages per second that were already stored.");
        Field(s => s.RejectedPerSecond).Description("Deliveries rejected per second.");
        Field(s => s.BatchesPerSecond).Description("Batches committed per second.");
        Field(s => s.LagP50Seconds, nullable: true).Description("Median end-to-end lag of the messages stored in the interval, in seconds (histogram estimate); null when none was stored.");
        Field(s => s.LagP95Seconds, nullable: true).Description("95th percentile of the end-to-end lag in the interval, in seconds; null when none was stored.");
        Field(s => s.LagP99Seconds, nullable: true).Description("99th percentile of the end-to-end lag in the interval, in seconds; null when none was stored.");
        Field(s => s.BatchWriteP95Seconds, nullable: true).Description("95th percentile of the time to write and commit a batch, in seconds; null when no batch was written.");
        Field(s => s.InstancesAnswering).Description("How many ingest instances answered the scrape.");
        Field(s => s.InstancesConsuming).Description("How many of them were consuming (not paused for the database or by the kill switch).");
    }
}
