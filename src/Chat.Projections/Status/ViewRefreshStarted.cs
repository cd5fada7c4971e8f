namespace Chat.Projections.Status;

/// <summary>An instance took the view's lock and began refreshing it.</summary>
/// <param name="Instance">Which Projections instance (host, process and a per-start id).</param>
public sealed record ViewRefreshStarted(string View, DateTimeOffset StartedAt, string Instance);
