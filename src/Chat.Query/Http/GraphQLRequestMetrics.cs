using Prometheus;

namespace Chat.Query.Http;

/// <summary>
/// Request count and latency per operation. The operation label is the set of root fields a
/// valid query selected (e.g. "roomTimeline", "analytics,message"), so its values are bounded by
/// the schema; a client-chosen operation name would let any client grow the label set without
/// limit. Requests that never ran are labelled "invalid".
/// </summary>
public static class GraphQLRequestMetrics
{
    public const string InvalidOperation = "invalid";

    private static readonly Counter Requests = Prometheus.Metrics.CreateCounter(
        "chat_query_requests_total",
        "GraphQL requests by operation (root fields selected) and outcome (ok, error: ran with errors, rejected: never ran).",
        new CounterConfiguration { LabelNames = ["operation", "outcome"] });

    private static readonly Histogram Duration = Prometheus.Metrics.CreateHistogram(
        "chat_query_request_duration_seconds",
        "Time to read, run and answer one GraphQL request, by operation.",
        new HistogramConfiguration
        {
            LabelNames = ["operation"],
            Buckets = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
        });

    public static void Record(string operation, RequestOutcome outcome, TimeSpan elapsed)
    {
        Requests.WithLabels(operation, outcome.Label()).Inc();
        Duration.WithLabels(operation).Observe(elapsed.TotalSeconds);
    }
}

public enum RequestOutcome
{
    Ok,
    Error,
    Rejected,
}

public static class RequestOutcomeLabels
{
    public static string Label(this RequestOutcome outcome) => outcome switch
    {
        RequestOutcome.Ok => "ok",
        RequestOutcome.Error => "error",
        _ => "rejected",
    };
}
