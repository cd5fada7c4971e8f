namespace Chat.LoadTest.Reporting;

/// <summary>Everything measured in one step of a load run (summary.json); every figure of PERFORMANCE.md comes from here.</summary>
public sealed record RunSummary
{
    public required string Step { get; init; }

    public required string RunId { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required RunSettings Settings { get; init; }

    public required RunCounts Counts { get; init; }

    public required RunThroughput Throughput { get; init; }

    /// <summary>Exact, from created_at − "timestamp" of this run's stored rows (µs resolution; created_at is the transaction's start).</summary>
    public required Percentiles EndToEndLagSeconds { get; init; }

    /// <summary>From the ingest's chat_ingest_batch_write_seconds histogram over the run (interpolated inside buckets).</summary>
    public required Percentiles BatchWriteSeconds { get; init; }

    public required double MeanBatchSize { get; init; }

    /// <summary>The most messages (ready + unacknowledged) seen in the queues behind chat.exchange.</summary>
    public required double PeakQueueDepth { get; init; }

    public required IReadOnlyList<ResourceUse> Resources { get; init; }

    public required bool Passed { get; init; }

    public required IReadOnlyList<string> Failures { get; init; }

    /// <summary>Chart files, relative to the step's folder.</summary>
    public IReadOnlyList<string> Charts { get; init; } = [];
}

public sealed record RunSettings(
    long? Messages,
    double? DurationSeconds,
    double? TargetRate,
    int Connections,
    int ChannelsPerConnection,
    int ConfirmWindow,
    int Rooms,
    int Users,
    int MinContentLength,
    int MaxContentLength,
    double ChatServerShare,
    double DuplicateShare,
    double InvalidShare,
    int? IngestBatchSize);

/// <param name="Sent">Sends handed to the broker.</param>
/// <param name="Confirmed">Sends the broker confirmed.</param>
/// <param name="DistinctValid">Distinct valid ids confirmed: the rows that must be stored.</param>
/// <param name="Stored">This run's rows found in messages.</param>
/// <param name="Rejected">This run's invalid payloads found in rejected_messages.</param>
public sealed record RunCounts(
    long Sent,
    long Confirmed,
    long Duplicates,
    long Invalid,
    long Unconfirmed,
    long DistinctValid,
    long Stored,
    long Rejected);

/// <param name="PublishSeconds">From the first send to the last confirm.</param>
/// <param name="EndToEndSeconds">From the first send to the newest created_at of this run's rows.</param>
/// <param name="EndToEndRate">Rows stored ÷ EndToEndSeconds: what the whole pipeline sustained.</param>
/// <param name="PeakStoredRate">Highest 10-second average of rows stored per second (from created_at).</param>
public sealed record RunThroughput(
    double PublishSeconds,
    double PublishRate,
    double EndToEndSeconds,
    double EndToEndRate,
    double PeakStoredRate);

public sealed record Percentiles(double P50, double P95, double P99, double Max)
{
    public static readonly Percentiles Unknown = new(double.NaN, double.NaN, double.NaN, double.NaN);
}

/// <param name="MeanCpuPercent">Of one core (200% = both cores of this machine).</param>
public sealed record ResourceUse(string Group, double MeanCpuPercent, double PeakCpuPercent, double PeakMemoryMb);
