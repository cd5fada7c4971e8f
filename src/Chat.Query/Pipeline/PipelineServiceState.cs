using System.ComponentModel;

namespace Chat.Query.Pipeline;

/// <summary>What the latest check of a service found.</summary>
public enum PipelineServiceState
{
    [Description("Not checked yet (Chat.Query has just started).")]
    Unknown,

    [Description("Its /health/ready answered 200: it runs and reaches what it depends on.")]
    Up,

    [Description("It answers, but /health/ready says a dependency (database, broker) is not ready.")]
    NotReady,

    [Description("It does not answer (stopped, crashed, unreachable, or slower than the request timeout).")]
    Down,

    [Description("No instance of this service is configured (Pipeline:Ingest / Pipeline:Projections), so it is not watched.")]
    NotConfigured,
}
