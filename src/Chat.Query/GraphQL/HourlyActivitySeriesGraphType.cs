using Chat.Query.Reads;
using GraphQL.Types;

namespace Chat.Query.GraphQL;

public sealed class HourlyActivitySeriesGraphType : ObjectGraphType<HourlyActivitySeries>
{
    public HourlyActivitySeriesGraphType()
    {
        Name = "HourlyActivitySeries";
        Description = "Traffic per UTC hour over a range, as of the hourly_stats view's latest refresh.";
        Field(s => s.Since).Description("Start of the range asked for; the hour that contains it is included.");
        Field(s => s.Until).Description("End of the range asked for (exclusive).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<HourlyActivityGraphType>>>>("hours")
            .Description("Oldest hour first. Hours without messages are absent (not zero rows).")
            .Resolve(context => context.Source.Hours);
        this.AddFreshnessField(StatsView.HourlyStats);
    }
}
