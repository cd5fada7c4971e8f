using Chat.LoadTest.Reporting;
using Chat.LoadTest.Sampling;
using Chat.Metrics;

namespace Chat.LoadTest.Tests;

/// <summary>Charts and PERFORMANCE.md drawn from a run's files, in a scratch docs folder.</summary>
public sealed class Writing_the_report : IDisposable
{
    private readonly string _docs = Directory.CreateTempSubdirectory("chat-report-").FullName;

    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G'];

    private static readonly MachineFacts Machine = new(2, "Test CPU", 24, "Debian", "6.1", ".NET 10", "15.14", "3.10.8", "25.2", "0.10 0.20 0.30");

    private static readonly HistogramSnapshot BatchWrites = new(
        [new(0.008, 10), new(0.016, 60), new(0.032, 95), new(0.064, 100), new(double.PositiveInfinity, 100)], 1.7, 100);

    [Fact]
    public void A_run_gets_every_chart_as_a_png()
    {
        var folder = Path.Combine(_docs, "perf", "load", "baseline");
        Directory.CreateDirectory(folder);

        var charts = RunCharts.Write(folder, "baseline", Samples(), BatchWrites);

        Assert.Equal(["throughput.png", "queue-depth.png", "lag.png", "resources-cpu.png", "resources-memory.png", "batch-write-latency.png"], charts);
        Assert.All(charts, chart =>
        {
            var bytes = File.ReadAllBytes(Path.Combine(folder, chart));
            Assert.Equal(PngSignature, bytes[..4]);
            Assert.True(bytes.Length > 10_000, $"{chart} is only {bytes.Length} bytes");
        });
    }

    [Fact]
    public async Task Performance_md_shows_the_measured_figures_beside_the_old_claims_and_embeds_the_fragments()
    {
        var perf = Path.Combine(_docs, "perf");
        Directory.CreateDirectory(Path.Combine(perf, "load", "baseline"));
        Directory.CreateDirectory(Path.Combine(perf, "load", "batch-sweep"));
        File.Copy(Path.Combine(LocalSettings.RepositoryRoot, "docs", "perf", OldReportClaims.FileName), Path.Combine(perf, OldReportClaims.FileName));
        await File.WriteAllTextAsync(Path.Combine(perf, "ingest.md"), "# Ingest benchmark\n\n![chart](ingest/rates.png)\n\n```\n# not a heading\n```\n");
        await Report("baseline", [Step("baseline", null, 7_654.3, passed: true)], scaledDown: true).WriteAsync(Path.Combine(perf, "load", "baseline"), CancellationToken.None);
        var sweepSteps = new[] { Step("batch size 100", 100, 3_210, passed: true), Step("batch size 500", 500, 9_870, passed: false) };
        var sweep = Report("batch-sweep", sweepSteps, scaledDown: false) with { Charts = [BatchSweepChart.Write(Path.Combine(perf, "load", "batch-sweep"), sweepSteps)] };
        await sweep.WriteAsync(Path.Combine(perf, "load", "batch-sweep"), CancellationToken.None);

        var path = await new PerformanceReport(_docs).WriteAsync(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero), CancellationToken.None);
        var text = await File.ReadAllTextAsync(path);

        Assert.Contains("| baseline | 20,000 | 2.6 s | 7,654 msg/s | 100% (19,000/19,000 exactly once, 20/20 rejected) | smoke run, 2026-11-26 |", text, StringComparison.Ordinal);
        Assert.Contains("| stress | | | | not run yet | `./chat load stress` |", text, StringComparison.Ordinal);
        Assert.Contains("| batch-sweep, batch size 500 |", text, StringComparison.Ordinal);
        Assert.Contains("**FAILED**", text, StringComparison.Ordinal);
        Assert.Contains(
            "| Test 1 (Baseline) | 500,000 | 64 s | 7,813 msg/s | 100% | 20,000 | 2.6 s | 7,654 msg/s | 100% (19,000/19,000 exactly once, 20/20 rejected) | smoke run, 2026-11-26 |",
            text, StringComparison.Ordinal);
        Assert.Contains("| 100 | 3,000 msg/s | 150 ms | 3,210 msg/s | 16 ms | 400 ms | 2026-11-26 |", text, StringComparison.Ordinal);
        Assert.Contains("| peak queue depth | 4,321 |", text, StringComparison.Ordinal);
        Assert.Contains("> **Smoke run**", text, StringComparison.Ordinal);
        Assert.Contains("![batch-sweep batch-sweep](perf/load/batch-sweep/batch-sweep.png)", text, StringComparison.Ordinal);
        Assert.Contains("### Ingest benchmark", text, StringComparison.Ordinal);
        Assert.Contains("![chart](perf/ingest/rates.png)", text, StringComparison.Ordinal);
        Assert.Contains("\n# not a heading\n", text, StringComparison.Ordinal);
        Assert.Contains("./chat load baseline --scale 0.04", text, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(perf, "load", "batch-sweep", "batch-sweep.png")));
    }

    private static ProfileReport Report(string profile, IReadOnlyList<RunSummary> steps, bool scaledDown) => new()
    {
        Profile = profile,
        Description = "test profile",
        Command = $"./chat load {profile} --scale 0.04",
        StartedAt = new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero),
        FinishedAt = new DateTimeOffset(2026, 11, 26, 10, 5, 0, TimeSpan.Zero),
        ScaledDown = scaledDown,
        Machine = Machine,
        Steps = steps,
    };

    private static RunSummary Step(string name, int? batchSize, double rate, bool passed) => new()
    {
        Step = name,
        RunId = "r",
        StartedAt = new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero),
        Settings = new RunSettings(20_000, null, null, 2, 2, 1000, 20, 100_000, 20, 200, 0.5, 0.05, 0.001, batchSize),
        Counts = new RunCounts(20_000, 20_000, 980, 20, 0, 19_000, passed ? 19_000 : 18_999, 20),
        Throughput = new RunThroughput(2.0, 10_000, 2.6, rate, rate * 1.2),
        EndToEndLagSeconds = new Percentiles(0.2, 0.4, 0.5, 0.7),
        BatchWriteSeconds = new Percentiles(0.012, 0.016, 0.03, double.NaN),
        MeanBatchSize = 480,
        PeakQueueDepth = 4_321,
        Resources = [new ResourceUse(ProcessGroups.Ingest, 80, 120, 190)],
        Passed = passed,
        Failures = passed ? [] : ["1 of 19,000 distinct messages published are missing from messages"],
    };

    private static List<LoadSample> Samples() =>
    [
        .. Enumerable.Range(0, 30).Select(i => new LoadSample
        {
            Seconds = i,
            Published = i * 1000,
            PublishRate = i < 25 ? 1000 : 0,
            DbStoredRate = i is > 0 and < 27 ? 960 : 0,
            QueueDepth = Math.Max(0, 500 - Math.Abs(i - 12) * 40),
            QueueUnacknowledged = 100,
            DbLagP50 = 0.2 + i * 0.01, DbLagP95 = 0.4 + i * 0.01, DbLagP99 = 0.5 + i * 0.01,
            IngestCpu = 80, PostgresCpu = 60, RabbitMqCpu = 40, LoadToolCpu = 20, MachineCpu = 95,
            IngestMemoryMb = 180 + i, PostgresMemoryMb = 900, RabbitMqMemoryMb = 150,
        }),
    ];

    public void Dispose() => Directory.Delete(_docs, recursive: true);
}
