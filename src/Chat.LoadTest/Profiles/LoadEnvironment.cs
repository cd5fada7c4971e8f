using Chat.LoadTest.Publishing;
using Chat.LoadTest.Sampling;
using Npgsql;

namespace Chat.LoadTest.Profiles;

/// <summary>The servers and processes a load run works against, and where it reports.</summary>
/// <param name="Database">Read-only (chat_query) access to messages and rejected_messages.</param>
/// <param name="IngestMetrics">Chat.Ingest's /metrics; null to run without its figures.</param>
/// <param name="Processes">Whose CPU and memory to sample.</param>
/// <param name="IngestControl">Restarts the ingest for a step; null when the operator runs it.</param>
public sealed record LoadEnvironment(
    RabbitMqSettings Broker,
    NpgsqlDataSource Database,
    IngestMetricsReader? IngestMetrics,
    IReadOnlyList<ProcessGroup> Processes,
    IngestControl? IngestControl,
    TextWriter Output,
    TimeProvider Clock);
