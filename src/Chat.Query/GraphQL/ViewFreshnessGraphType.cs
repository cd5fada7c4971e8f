using Chat.Query.Reads;
using GraphQL.Types;

namespace Chat.Query.GraphQL;

public sealed class ViewFreshnessGraphType : ObjectGraphType<ViewFreshness>
{
    public ViewFreshnessGraphType()
    {
        Name = "ViewFreshness";
        Description = "How fresh an analytics view is, from the refresh records of Chat.Projections.";
        Field(f => f.View).Description("The view's name (user_stats, room_stats or hourly_stats).");
        Field<NonNullGraphType<FreshnessStateGraphType>>("state").Description("Fresh, stale or unknown.")
            .Resolve(context => context.Source.State);
        Field(f => f.DataAsOf, nullable: true).Description("The view holds every message stored before this instant (the start of its latest successful refresh); null when unknown.");
        Field(f => f.StalenessSeconds, nullable: true).Description("Seconds from dataAsOf to now; null when unknown.");
        Field(f => f.LastRefreshedAt, nullable: true).Description("When the latest successful refresh finished.");
        Field(f => f.LastRefreshDurationMs, nullable: true).Description("How long the latest successful refresh took, in milliseconds.");
        Field(f => f.Rows, nullable: true).Description("Rows in the view after the latest successful refresh.");
        Field(f => f.LastFailedAt, nullable: true).Description("When the latest failed refresh failed, if any did.");
        Field(f => f.LastError, nullable: true).Description("What went wrong in the latest failed refresh.");
        Field(f => f.RefreshesSucceeded).Description("How many refreshes succeeded since records began.");
        Field(f => f.RefreshesFailed).Description("How many refreshes failed since records began.");
    }
}
