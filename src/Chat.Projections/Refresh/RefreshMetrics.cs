using Prometheus;

namespace Chat.Projections.Refresh;

/// <summary>The service's Prometheus metrics, labelled by view.</summary>
public static class RefreshMetrics
{
    public static readonly Counter Refreshes = Metrics.CreateCounter(
        "chat_projections_refresh_total",
        "Refresh attempts by view and outcome (succeeded, failed, skipped: another instance held the view's lock).",
        "view", "outcome");

    public static readonly Histogram Duration = Metrics.CreateHistogram(
        "chat_projections_refresh_duration_seconds",
        "Duration of successful refreshes (lock held, REFRESH CONCURRENTLY and row count).",
        new HistogramConfiguration
        {
            LabelNames = ["view"],
            Buckets = Histogram.ExponentialBuckets(0.01, 2, 16), // 10 ms .. about 5.5 min
        });

    public static readonly Gauge Staleness = Metrics.CreateGauge(
        "chat_projections_view_staleness_seconds",
        "Now minus the start of the view's latest successful refresh (from any instance).",
        "view");

    public static readonly Gauge Rows = Metrics.CreateGauge(
        "chat_projections_view_rows",
        "Rows in the view after its latest successful refresh.",
        "view");

    public static readonly Counter StatusWriteFailures = Metrics.CreateCounter(
        "chat_projections_status_write_failures_total",
        "Refresh events that could not be recorded (e.g. the database was away).",
        "view");

    public static readonly Counter OnDemandRequests = Metrics.CreateCounter(
        "chat_projections_on_demand_requests_total",
        "On-demand refresh requests by view and whether they queued a run (queued) or joined one already waiting (coalesced).",
        "view", "outcome");

    public static void Count(RefreshOutcome outcome) =>
        Refreshes.WithLabels(outcome.View.Name, outcome.Result.ToString().ToLowerInvariant()).Inc();
}
