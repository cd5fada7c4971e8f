using Chat.Contracts.Projections;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Chat.Projections.Status;

/// <summary>
/// Folds a view's refresh events into its <see cref="ViewRefreshStatus"/> document. Registered
/// inline, so the document changes in the same transaction as the events that change it.
/// </summary>
public sealed class ViewRefreshStatusProjection : SingleStreamProjection<ViewRefreshStatus, string>
{
    public override ViewRefreshStatus? Evolve(ViewRefreshStatus? snapshot, string id, IEvent e)
    {
        var status = snapshot ?? new ViewRefreshStatus { Id = id };
        return e.Data switch
        {
            ViewRefreshStarted started => status with { LastStartedAt = started.StartedAt },
            ViewRefreshSucceeded succeeded => status with
            {
                LastSucceededAt = succeeded.FinishedAt,
                DataAsOf = succeeded.DataAsOf,
                LastDurationMs = succeeded.DurationMs,
                Rows = succeeded.Rows,
                SucceededCount = status.SucceededCount + 1,
            },
            ViewRefreshFailed failed => status with
            {
                LastFailedAt = failed.FailedAt,
                LastError = failed.Error,
                FailedCount = status.FailedCount + 1,
            },
            _ => status,
        };
    }
}
