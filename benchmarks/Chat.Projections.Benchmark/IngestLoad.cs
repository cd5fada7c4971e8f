using System.Diagnostics;
using Chat.LoadTest.Reporting;
using Npgsql;

namespace Chat.Projections.Benchmark;

/// <summary>What one load run through the real Chat.Ingest measured (the load tool's own figures).</summary>
public sealed record IngestRun(long Messages, double MessagesPerSecond, double LagP99Seconds)
{
    /// <summary>Per view, the worst staleness while the run went on: how old the view's data got just before a refresh committed.</summary>
    public IReadOnlyDictionary<string, double> WorstStalenessSeconds { get; init; } = new Dictionary<string, double>();
}

/// <summary>
/// The ingest half of the benchmark: './chat load baseline --messages N' (the load tool publishing
/// the producers' wire formats to the real Chat.Ingest, which it restarts onto the benchmark's
/// database, and checking every message is stored exactly once), alone and while every view is
/// refreshed CONCURRENTLY without pause. The rates are the load tool's end-to-end figures.
/// </summary>
public static class IngestLoad
{
    public static async Task<IngestRun> RunAsync(string chatScript, string database, long messages)
    {
        var output = Path.Combine(Path.GetTempPath(), $"chat-bench-projections-{Guid.NewGuid():N}");
        try
        {
            var start = new ProcessStartInfo(chatScript, ["load", "baseline", "--messages", $"{messages}", "--output", output])
            {
                UseShellExecute = false,
            };
            start.Environment["CHAT_DB"] = database;
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {chatScript}.");
            using var timeout = new CancellationTokenSource(TimeSpan.FromHours(1));
            await process.WaitForExitAsync(timeout.Token);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"'{chatScript} load baseline' failed with exit code {process.ExitCode}: not every message was stored exactly once.");
            }

            var step = (await ProfileReport.ReadAsync(Path.Combine(output, "baseline"), CancellationToken.None))?.Steps[0]
                ?? throw new InvalidOperationException($"The load run wrote no summary to {output}.");
            return new IngestRun(step.Counts.Sent, step.Throughput.EndToEndRate, step.EndToEndLagSeconds.P99);
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    /// <summary>The same run while the views are refreshed CONCURRENTLY one after another, without pause.</summary>
    public static async Task<IngestRun> RunWhileRefreshingAsync(string chatScript, string database, long messages, NpgsqlDataSource projections)
    {
        using var stop = new CancellationTokenSource();
        var worst = RefreshTimings.Views.ToDictionary(v => v, _ => 0.0);
        var refreshing = Task.Run(async () =>
        {
            // Just before a refresh commits, its view holds what was committed when the previous refresh of it started.
            var previousStart = RefreshTimings.Views.ToDictionary(v => v, _ => (DateTimeOffset?)null);
            while (!stop.IsCancellationRequested)
            {
                foreach (var view in RefreshTimings.Views)
                {
                    var started = DateTimeOffset.UtcNow;
                    await RefreshTimings.RefreshAsync(projections, view, concurrently: true);
                    if (previousStart[view] is { } asOf)
                    {
                        worst[view] = Math.Max(worst[view], (DateTimeOffset.UtcNow - asOf).TotalSeconds);
                    }

                    previousStart[view] = started;
                }
            }
        });
        try
        {
            return await RunAsync(chatScript, database, messages) with { WorstStalenessSeconds = worst };
        }
        finally
        {
            await stop.CancelAsync();
            await refreshing;
        }
    }
}
