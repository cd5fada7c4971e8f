using System.ComponentModel.DataAnnotations;

namespace Chat.Ingest.Options;

/// <summary>
/// How the ingest consumes and writes, bound from the "Ingest" section (env: Ingest__QueueCount, ...).
/// </summary>
public sealed class IngestOptions : IValidatableObject
{
    public const string Section = "Ingest";

    /// <summary>The topic exchange the producers publish to.</summary>
    [Required]
    public string Exchange { get; set; } = "chat.exchange";

    /// <summary>The binding key that selects chat messages on <see cref="Exchange"/>.</summary>
    [Required]
    public string RoutingKey { get; set; } = "room.*";

    /// <summary>
    /// Name of the consistent-hash exchange that spreads rooms over the queues, and prefix of the
    /// queue names (<c>chat.ingest-1</c> ... <c>chat.ingest-N</c>).
    /// </summary>
    [Required]
    public string QueuePrefix { get; set; } = "chat.ingest";

    /// <summary>
    /// Queues (one receive endpoint, channel and batch consumer each). MassTransit acknowledges
    /// messages one by one, which RabbitMQ 3.10 makes cost in proportion to the messages
    /// outstanding on a channel, so parallelism comes from queues, not from a larger prefetch.
    /// Lowering it leaves the surplus queues bound: drain and delete them (see docs/INGEST-TUNING.md).
    /// </summary>
    [Range(1, 64)]
    public int QueueCount { get; set; } = 4;

    public QueueType QueueType { get; set; } = QueueType.Quorum;

    /// <summary>
    /// Most messages in one batch (one transaction). 500 rather than the 1000: in
    /// interleaved runs here it gave about 14% more messages/s and half the write latency and lag
    /// (docs/INGEST-TUNING.md), as MassTransit's per-message acknowledgements cost more with
    /// more messages outstanding per channel.
    /// </summary>
    [Range(1, 10_000)]
    public int MessageLimit { get; set; } = 500;

    /// <summary>Longest a batch waits to fill before it is written anyway.</summary>
    public TimeSpan TimeLimit { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Batches written at once per queue.</summary>
    [Range(1, 64)]
    public int ConcurrencyLimit { get; set; } = 1;

    /// <summary>Unacknowledged messages per queue; default MessageLimit x ConcurrencyLimit.</summary>
    [Range(1, 65_535)]
    public int? PrefetchCount { get; set; }

    /// <summary>First wait before a batch is written again while the database is unavailable; doubles up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryMinDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a receive endpoint stays stopped after the kill switch tripped on unexpected faults.</summary>
    public TimeSpan KillSwitchRestartTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Largest body read as a chat message; a larger one is rejected (payload_too_large) with only
    /// its SHA-256, size and first kilobyte kept. Chat messages are a few hundred bytes; the
    /// broker's own limit (max_message_size, set by ./chat up and the compose file) is far above.
    /// </summary>
    [Range(1024, 128 * 1024 * 1024)]
    public int MaxPayloadBytes { get; set; } = 64 * 1024;

    /// <summary>The earliest timestamp a message may carry (earlier: timestamp_out_of_range).</summary>
    public DateTimeOffset EarliestTimestamp { get; set; } = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>How far past the time of reading a message's timestamp may lie (producers' clocks run ahead).</summary>
    public TimeSpan TimestampAhead { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// Quorum queues: how often a delivery is handed out again after a fault before RabbitMQ
    /// dead-letters it to <see cref="ParkingQueue"/>, so that even a bug cannot loop forever.
    /// Every restart of the ingest while a batch is held also counts, hence a generous default.
    /// </summary>
    [Range(1, 1000)]
    public int DeliveryLimit { get; set; } = 20;

    /// <summary>
    /// The durable queue (and fanout exchange of the same name) for deliveries that can be neither
    /// stored nor recorded: the ingest's dead-letter target, and where it parks such a delivery
    /// itself with its reason in the headers. An operator takes them back with the management UI or shovel (a replay command is still to come).
    /// </summary>
    [Required]
    public string ParkingQueue { get; set; } = "chat.parking";

    public Chat.Contracts.TimestampWindow TimestampWindow => new(EarliestTimestamp, TimestampAhead);

    public int EffectivePrefetchCount => PrefetchCount ?? MessageLimit * ConcurrencyLimit;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (TimeLimit <= TimeSpan.Zero)
        {
            yield return new ValidationResult("TimeLimit must be positive.", [nameof(TimeLimit)]);
        }

        if (RetryMinDelay <= TimeSpan.Zero || RetryMaxDelay < RetryMinDelay)
        {
            yield return new ValidationResult("RetryMinDelay must be positive and at most RetryMaxDelay.", [nameof(RetryMinDelay), nameof(RetryMaxDelay)]);
        }

        if (TimestampAhead < TimeSpan.Zero)
        {
            yield return new ValidationResult("TimestampAhead must not be negative.", [nameof(TimestampAhead)]);
        }

        if (EffectivePrefetchCount < MessageLimit)
        {
            yield return new ValidationResult("PrefetchCount below MessageLimit would never fill a batch.", [nameof(PrefetchCount)]);
        }
    }

    /// <summary>The name of queue <paramref name="number"/> (1-based).</summary>
    public string QueueName(int number) => $"{QueuePrefix}-{number}";
}
