using Chat.Projections.Refresh;
using Quartz;

namespace Chat.Projections.Jobs;

/// <summary>What every view's job does: refresh its view (see <see cref="ViewRefresher"/>).</summary>
public abstract class RefreshViewJob(ViewRefresher refresher, RefreshRequests requests) : IJob
{
    /// <summary>Job data entry that marks a run triggered by a request rather than the schedule.</summary>
    public const string OnDemandKey = "onDemand";

    public const string Group = "refresh";

    public abstract ProjectedView View { get; }

    public static JobKey KeyOf(ProjectedView view) => new(view.Name, Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (context.Trigger.JobDataMap.ContainsKey(OnDemandKey))
        {
            requests.Started(View);
        }

        // Never throws: a failure is recorded and the next fire tries again.
        context.Result = await refresher.RefreshAsync(View, cancellationToken);
    }
}
