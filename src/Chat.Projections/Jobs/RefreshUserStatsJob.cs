using Chat.Projections.Refresh;
using Quartz;

namespace Chat.Projections.Jobs;

/// <summary>Refreshes user_stats. One run at a time per instance; other instances are kept out by the view's advisory lock.</summary>
[DisallowConcurrentExecution]
public sealed class RefreshUserStatsJob(ViewRefresher refresher, RefreshRequests requests) : RefreshViewJob(refresher, requests)
{
    public override ProjectedView View => ProjectedView.UserStats;
}
