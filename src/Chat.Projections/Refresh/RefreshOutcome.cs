namespace Chat.Projections.Refresh;

/// <summary>What one attempt to refresh a view did.</summary>
/// <param name="DataAsOf">For a success: when the refresh statement began; the view holds every message committed before it.</param>
public sealed record RefreshOutcome(
    ProjectedView View,
    RefreshResult Result,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    DateTimeOffset? DataAsOf = null,
    long? Rows = null,
    string? Error = null)
{
    public TimeSpan Duration => FinishedAt - StartedAt;
}
