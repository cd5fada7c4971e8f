namespace Chat.Projections.Status;

/// <summary>The refresh did not commit; the view still holds what its previous refresh put there.</summary>
public sealed record ViewRefreshFailed(string View, DateTimeOffset StartedAt, DateTimeOffset FailedAt, string Error);
