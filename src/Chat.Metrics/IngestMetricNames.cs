namespace Chat.Metrics;

/// <summary>
/// The names Chat.Ingest exposes its metrics under: the service defines its metrics with these,
/// and every reader of its /metrics (the load tool, Chat.Query's pipeline panel) reads them back.
/// </summary>
public static class IngestMetricNames
{
    public const string MessagesStored = "chat_ingest_messages_stored_total";
    public const string MessagesDuplicate = "chat_ingest_messages_duplicate_total";
    public const string MessagesRejected = "chat_ingest_messages_rejected_total";
    public const string Batches = "chat_ingest_batches_total";
    public const string BatchSize = "chat_ingest_batch_size";
    public const string BatchWriteSeconds = "chat_ingest_batch_write_seconds";
    public const string EndToEndLagSeconds = "chat_ingest_end_to_end_lag_seconds";
    public const string ConsumerState = "chat_ingest_consumer_state";
    public const string DatabaseRetries = "chat_ingest_database_retries_total";
    public const string MessagesConflict = "chat_ingest_messages_conflict_total";
    public const string DeliveriesParked = "chat_ingest_deliveries_parked_total";
    public const string DeliveriesIsolated = "chat_ingest_deliveries_isolated_total";
}
