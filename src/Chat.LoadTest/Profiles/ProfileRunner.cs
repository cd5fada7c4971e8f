using Chat.LoadTest.Publishing;
using Chat.LoadTest.Reporting;
using Chat.LoadTest.Sampling;
using Chat.LoadTest.Traffic;
using Chat.LoadTest.Verification;

namespace Chat.LoadTest.Profiles;

/// <summary>
/// Runs a profile's steps (restarting the ingest for each when it may), then writes the
/// profile's folder: summary.json, and per step samples.csv and charts; for the sweep its chart.
/// </summary>
public sealed class ProfileRunner(LoadEnvironment environment, PublisherSettings publisher, TimeSpan drainTimeout)
{
    public async Task<ProfileReport> RunAsync(LoadPlan plan, TrafficSettings traffic, string command, CancellationToken cancellationToken)
    {
        var output = environment.Output;
        if (plan.Steps.Any(s => s.BatchSize is not null) && environment.IngestControl is null)
        {
            throw new ArgumentException("setting the ingest's batch size needs ./chat to restart it; run through './chat load'.");
        }

        var folder = plan.Folder;
        ClearPreviousRun(folder);
        var startedAt = environment.Clock.GetUtcNow();
        var machine = await MachineFacts.ReadAsync(environment.Database, environment.Broker, cancellationToken);
        if (plan.ScaledDown)
        {
            await output.WriteLineAsync($"==> {plan.Profile.Name} scaled down: a smoke run, its figures are not the benchmark's");
        }

        var steps = new List<RunSummary>();
        foreach (var step in plan.Steps)
        {
            if (environment.IngestControl is { } control)
            {
                await output.WriteLineAsync($"==> restarting Chat.Ingest{(step.BatchSize is { } b ? $" with batch size {b:N0}" : "")}");
                await control.RestartAsync(step.BatchSize, cancellationToken);
            }

            var summary = await new LoadRun(environment, publisher, drainTimeout).RunAsync(step, traffic, cancellationToken);
            steps.Add(summary);
            await PrintAsync(output, summary);
        }

        var report = new ProfileReport
        {
            Profile = plan.Profile.Name,
            Description = plan.Profile.Description,
            Command = command,
            StartedAt = startedAt,
            FinishedAt = environment.Clock.GetUtcNow(),
            ScaledDown = plan.ScaledDown,
            Machine = machine,
            Steps = steps,
            Charts = plan.Profile.BatchSizes.Count > 0 ? [BatchSweepChart.Write(folder, steps)] : [],
        };
        await report.WriteAsync(folder, cancellationToken);
        await output.WriteLineAsync($"==> wrote {folder}");
        return report;
    }

    /// <summary>The folder holds the latest run only: an old step's chart must not outlive its run.</summary>
    private static void ClearPreviousRun(string folder)
    {
        if (!Directory.Exists(folder))
        {
            Directory.CreateDirectory(folder);
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder).Where(f => Path.GetExtension(f) is ".png" or ".csv" or ".json"))
        {
            File.Delete(file);
        }

        foreach (var stepFolder in Directory.EnumerateDirectories(folder, "batch-*"))
        {
            Directory.Delete(stepFolder, recursive: true);
        }
    }

    private static async Task PrintAsync(TextWriter output, RunSummary s)
    {
        await output.WriteLineAsync($"""
            ==> {s.Step}: {(s.Passed ? "PASSED" : "FAILED")}
                sent {s.Counts.Sent:N0}, confirmed {s.Counts.Confirmed:N0} ({s.Counts.Duplicates:N0} duplicates, {s.Counts.Invalid:N0} invalid)
                stored {s.Counts.Stored:N0} of {s.Counts.DistinctValid:N0} distinct, rejected {s.Counts.Rejected:N0} of {s.Counts.Invalid:N0}
                publish {s.Throughput.PublishRate:N0} msg/s over {s.Throughput.PublishSeconds:N1} s; end to end {s.Throughput.EndToEndRate:N0} msg/s over {s.Throughput.EndToEndSeconds:N1} s (peak 10 s: {s.Throughput.PeakStoredRate:N0}/s)
                lag p50 {s.EndToEndLagSeconds.P50 * 1000:N0} ms, p95 {s.EndToEndLagSeconds.P95 * 1000:N0} ms, p99 {s.EndToEndLagSeconds.P99 * 1000:N0} ms (exact, from the stored rows)
                batch write p50 {s.BatchWriteSeconds.P50 * 1000:N1} ms, p95 {s.BatchWriteSeconds.P95 * 1000:N1} ms, p99 {s.BatchWriteSeconds.P99 * 1000:N1} ms; mean batch {s.MeanBatchSize:N0}
            """);
        foreach (var failure in s.Failures)
        {
            await output.WriteLineAsync($"    FAILURE: {failure}");
        }
    }
}
