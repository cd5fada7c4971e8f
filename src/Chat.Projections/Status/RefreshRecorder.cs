using Chat.Projections.Refresh;
using Marten;

namespace Chat.Projections.Status;

/// <summary>
/// Appends a view's refresh events to its stream (the view's name); the inline projection updates
/// its status document in the same transaction. Recording never fails a refresh: when the
/// database cannot take the event it is logged and counted, and the next refresh records again.
/// </summary>
public sealed class RefreshRecorder(IDocumentStore store, ILogger<RefreshRecorder> logger)
{
    /// <summary>Which instance refreshed: host, process and a per-start id (two hosts may share a process in tests).</summary>
    public string Instance { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    public Task StartedAsync(ProjectedView view, DateTimeOffset startedAt) =>
        AppendAsync(view, new ViewRefreshStarted(view.Name, startedAt, Instance));

    public Task SucceededAsync(RefreshOutcome outcome) =>
        AppendAsync(outcome.View, new ViewRefreshSucceeded(
            outcome.View.Name, outcome.StartedAt, outcome.FinishedAt, outcome.DataAsOf ?? outcome.StartedAt,
            outcome.Duration.TotalMilliseconds, outcome.Rows ?? 0));

    public Task FailedAsync(RefreshOutcome outcome) =>
        AppendAsync(outcome.View, new ViewRefreshFailed(
            outcome.View.Name, outcome.StartedAt, outcome.FinishedAt, outcome.Error ?? "unknown error"));

    // Not cancellable: a refresh that ends while the host stops is still recorded, so no stream is
    // left with a start and no end. Npgsql's own timeouts bound the wait when the database is away.
    private async Task AppendAsync(ProjectedView view, object @event)
    {
        try
        {
            await using var session = store.LightweightSession();
            session.Events.Append(view.Name, @event);
            await session.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception e) // any failure to record is logged and counted; the refresh itself stands
        {
            RefreshMetrics.StatusWriteFailures.WithLabels(view.Name).Inc();
            logger.LogWarning(e, "Could not record {Event} for {View}", @event.GetType().Name, view.Name);
        }
    }
}
