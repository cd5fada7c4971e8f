namespace Chat.LoadTest.Sampling;

/// <summary>
/// One second of a load run. Rates are per second over the interval since the previous sample;
/// NaN means not known (the ingest did not answer, a process was not running). Lag and batch
/// write percentiles are in seconds: Lag* from the ingest's lag histogram (bucket
/// interpolation), DbLag* exact from the stored rows (filled in after the run).
/// </summary>
public sealed record LoadSample
{
    public double Seconds { get; init; }

    /// <summary>Sends confirmed by the broker since the start.</summary>
    public long Published { get; init; }

    public double PublishRate { get; init; }

    /// <summary>Rows the ingest reports stored since the start (all producers, not only this run).</summary>
    public double Stored { get; init; } = double.NaN;

    public double StoredRate { get; init; } = double.NaN;

    public double DuplicateRate { get; init; } = double.NaN;

    public double RejectedRate { get; init; } = double.NaN;

    /// <summary>Ready + unacknowledged in the queues behind chat.exchange.</summary>
    public double QueueDepth { get; init; } = double.NaN;

    /// <summary>Waiting in the queues (exact, AMQP passive declare).</summary>
    public double QueueReady { get; init; } = double.NaN;

    /// <summary>Delivered to the ingest, not yet acknowledged (management API; may lag a few seconds under load).</summary>

    public double QueueUnacknowledged { get; init; } = double.NaN;

    public double Consumers { get; init; } = double.NaN;

    public double LagP50 { get; init; } = double.NaN;

    public double LagP95 { get; init; } = double.NaN;

    public double LagP99 { get; init; } = double.NaN;

    public double DbLagP50 { get; init; } = double.NaN;

    public double DbLagP95 { get; init; } = double.NaN;

    public double DbLagP99 { get; init; } = double.NaN;

    public double DbStoredRate { get; init; } = double.NaN;

    public double BatchWriteP50 { get; init; } = double.NaN;

    public double BatchWriteP95 { get; init; } = double.NaN;

    public double BatchWriteP99 { get; init; } = double.NaN;

    public double MeanBatchSize { get; init; } = double.NaN;

    /// <summary>chat_ingest_consumer_state: 1 consuming, 0 paused (database away, kill switch).</summary>
    public double IngestConsumerState { get; init; } = double.NaN;

    public double IngestCpu { get; init; } = double.NaN;

    public double IngestMemoryMb { get; init; } = double.NaN;

    public double PostgresCpu { get; init; } = double.NaN;

    public double PostgresMemoryMb { get; init; } = double.NaN;

    public double RabbitMqCpu { get; init; } = double.NaN;

    public double RabbitMqMemoryMb { get; init; } = double.NaN;

    public double LoadToolCpu { get; init; } = double.NaN;

    public double MachineCpu { get; init; } = double.NaN;
}
