namespace Chat.Projections.Status;

/// <summary>The refresh committed.</summary>
/// <param name="DataAsOf">When the refresh statement began: the view holds every message committed before it.</param>
/// <param name="DurationMs">From <see cref="ViewRefreshStarted.StartedAt"/> to the commit.</param>
/// <param name="Rows">Rows in the view after the refresh.</param>
public sealed record ViewRefreshSucceeded(
    string View, DateTimeOffset StartedAt, DateTimeOffset FinishedAt, DateTimeOffset DataAsOf, double DurationMs, long Rows);
