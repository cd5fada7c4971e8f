namespace Chat.LoadTest.Profiles;

/// <summary>
/// A named load test, after the tests of the report we replace: how much to send, how fast,
/// and for the batch sweep which ingest batch sizes to try, each step run the same way.
/// </summary>
public sealed record LoadProfile(
    string Name,
    string Description,
    long? Messages,
    TimeSpan? Duration,
    bool RateFromStress,
    IReadOnlyList<int> BatchSizes)
{
    /// <summary>Endurance runs at this share of the maximum the latest stress run measured.</summary>
    public const double EnduranceShareOfMaximum = 0.8;

    public static readonly LoadProfile Baseline = new(
        "baseline", "500,000 messages as fast as the broker confirms them", 500_000, null, false, []);

    public static readonly LoadProfile Stress = new(
        "stress", "1,000,000 messages as fast as the broker confirms them; its throughput is the measured maximum", 1_000_000, null, false, []);

    public static readonly LoadProfile Endurance = new(
        "endurance", "15 minutes at 80% of the maximum measured by the latest stress run", null, TimeSpan.FromMinutes(15), true, []);

    public static readonly LoadProfile BatchSweep = new(
        "batch-sweep", "500,000 messages as fast as possible at each ingest batch size (the ingest restarted for each)", 500_000, null, false,
        [100, 500, 1_000, 5_000]);

    public static IReadOnlyList<LoadProfile> All { get; } = [Baseline, Stress, Endurance, BatchSweep];

    public static LoadProfile? Find(string name) => All.FirstOrDefault(p => p.Name == name);
}
