namespace Chat.Contracts.Projections;

/// <summary>
/// Command to Chat.Projections: refresh these analytics views now rather than at their next
/// scheduled time (e.g. after a bulk load). Idempotent: while a refresh of a view is already
/// waiting to run, further requests for it add nothing.
/// </summary>
/// <remarks>
/// Sent to the queue <c>chat-projections-refresh</c> (configurable as Refresh:RequestQueue). A
/// request naming a view that does not exist is refused whole (nothing is refreshed) and moved to
/// that queue's <c>_error</c> queue with the reason.
/// </remarks>
public sealed record RefreshProjections
{
    /// <summary>View names (<c>user_stats</c>, <c>room_stats</c>, <c>hourly_stats</c>); null or empty means all of them.</summary>
    public IReadOnlyList<string>? Views { get; init; }
}
