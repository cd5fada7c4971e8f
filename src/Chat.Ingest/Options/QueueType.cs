namespace Chat.Ingest.Options;

/// <summary>The kind of RabbitMQ queue the ingest consumes from.</summary>
public enum QueueType
{
    /// <summary>Replicated in a cluster; measured to take about half the broker CPU per message here.</summary>
    Quorum,

    /// <summary>RabbitMQ's classic (mirrored-or-not) queue.</summary>
    Classic,
}
