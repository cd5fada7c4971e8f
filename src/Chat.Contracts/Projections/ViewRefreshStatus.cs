namespace Chat.Contracts.Projections;

/// <summary>
/// How fresh one analytics view is: the status document Chat.Projections keeps per view (one per
/// view name, projected from that view's refresh events) and Chat.Query reads to say how fresh
/// its numbers are.
/// </summary>
/// <remarks>
/// Stored by Marten in schema <c>projection_status</c>, document alias <c>view_refresh_status</c>
/// (table <c>projection_status.mt_doc_view_refresh_status</c>), serialised with System.Text.Json in
/// camelCase. Readers that do not use Marten read the <c>data</c> column with those settings.
/// </remarks>
public sealed record ViewRefreshStatus
{
    /// <summary>The view's name, e.g. <c>room_stats</c>; the document id.</summary>
    public required string Id { get; init; }

    /// <summary>When the latest refresh started, successful or not.</summary>
    public DateTimeOffset? LastStartedAt { get; init; }

    /// <summary>When the latest successful refresh finished.</summary>
    public DateTimeOffset? LastSucceededAt { get; init; }

    /// <summary>
    /// When the latest successful refresh started: the view holds every message committed before
    /// this instant. Staleness is now minus this.
    /// </summary>
    public DateTimeOffset? DataAsOf { get; init; }

    /// <summary>How long the latest successful refresh took, in milliseconds.</summary>
    public double? LastDurationMs { get; init; }

    /// <summary>Rows in the view after the latest successful refresh.</summary>
    public long? Rows { get; init; }

    /// <summary>When the latest failed refresh failed, if any did.</summary>
    public DateTimeOffset? LastFailedAt { get; init; }

    /// <summary>The error of the latest failed refresh.</summary>
    public string? LastError { get; init; }

    /// <summary>Refreshes that succeeded and failed since the view's stream began.</summary>
    public long SucceededCount { get; init; }

    public long FailedCount { get; init; }

    /// <summary>How stale the view is at <paramref name="now"/>; null when it was never refreshed.</summary>
    public TimeSpan? StalenessAt(DateTimeOffset now) => DataAsOf is { } asOf ? now - asOf : null;
}
