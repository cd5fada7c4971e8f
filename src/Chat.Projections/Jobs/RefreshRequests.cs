using System.Collections.Concurrent;
using Chat.Projections.Refresh;
using Quartz;

namespace Chat.Projections.Jobs;

/// <summary>
/// Runs a view's job now, on request. At most one requested run per view waits at a time: a
/// request made while one is waiting joins it (that run starts after the request, so it includes
/// everything the request wanted), so a burst of requests costs one extra refresh, not one each.
/// </summary>
public sealed class RefreshRequests(ISchedulerFactory schedulers, ILogger<RefreshRequests> logger)
{
    private readonly ConcurrentDictionary<string, bool> _waiting = new();

    /// <returns>True when a run was queued, false when the request joined one already waiting.</returns>
    public async Task<bool> RequestAsync(ProjectedView view, CancellationToken cancellationToken)
    {
        if (!_waiting.TryAdd(view.Name, true))
        {
            RefreshMetrics.OnDemandRequests.WithLabels(view.Name, "coalesced").Inc();
            logger.LogInformation("Refresh of {View} requested; a requested run is already waiting", view.Name);
            return false;
        }

        try
        {
            var scheduler = await schedulers.GetScheduler(cancellationToken);
            await scheduler.TriggerJob(RefreshViewJob.KeyOf(view), new JobDataMap { [RefreshViewJob.OnDemandKey] = true }, cancellationToken);
        }
        catch
        {
            _waiting.TryRemove(view.Name, out _);
            throw;
        }

        RefreshMetrics.OnDemandRequests.WithLabels(view.Name, "queued").Inc();
        logger.LogInformation("Refresh of {View} requested; a run is queued", view.Name);
        return true;
    }

    /// <summary>Called when a requested run starts: requests from now on need another run.</summary>
    public void Started(ProjectedView view) => _waiting.TryRemove(view.Name, out _);
}
