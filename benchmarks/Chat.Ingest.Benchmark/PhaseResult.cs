namespace Chat.Ingest.Benchmark;

/// <summary>What one phase measured.</summary>
public sealed record PhaseResult(string Name, string Description, int Messages, TimeSpan Elapsed, TimeSpan PublishElapsed, long Stored)
{
    /// <summary>End to end: messages from the first publish until the last one is consumed (stored).</summary>
    public double Rate => Messages / Elapsed.TotalSeconds;

    public bool ExactlyOnce => Stored == Messages;

    public IReadOnlyDictionary<string, string> Details { get; init; } = new Dictionary<string, string>();
}
