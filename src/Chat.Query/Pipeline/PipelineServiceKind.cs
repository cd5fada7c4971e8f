using System.ComponentModel;

namespace Chat.Query.Pipeline;

/// <summary>The services of the write path that Chat.Query watches.</summary>
public enum PipelineServiceKind
{
    [Description("Chat.Ingest: RabbitMQ to the messages log.")]
    Ingest,

    [Description("Chat.Projections: refreshes the analytics views.")]
    Projections,
}
