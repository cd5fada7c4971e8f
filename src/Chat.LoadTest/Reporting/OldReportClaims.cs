using System.Text.Json;

namespace Chat.LoadTest.Reporting;

/// <summary>
/// The figures the report of the system we replace claimed (docs/perf/old-report-claims.json,
/// typed from that report with its source cited), shown beside ours and labelled as claims.
/// </summary>
public sealed record OldReportClaims(
    string Source,
    string Caveat,
    IReadOnlyList<OldReportClaims.Test> Tests,
    OldReportClaims.Latency BatchWriteMilliseconds,
    OldReportClaims.Latency EndToEndLatencyMilliseconds,
    IReadOnlyList<OldReportClaims.SweepStep> BatchSizes,
    double PeakQueueDepth,
    double ConsumerMemoryMegabytes)
{
    public const string FileName = "old-report-claims.json";

    public static async Task<OldReportClaims?> ReadAsync(string perfFolder, CancellationToken cancellationToken)
    {
        var path = Path.Combine(perfFolder, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<OldReportClaims>(stream, ProfileReport.Json, cancellationToken);
    }

    public sealed record Test(string Profile, string Label, double Messages, double DurationSeconds, double Throughput, string Success);

    public sealed record Latency(double P50, double P95, double P99);

    public sealed record SweepStep(int BatchSize, double Throughput, double LatencyP95Milliseconds);
}
