using System.Diagnostics;
using Chat.LoadTest.Seeding;
using Npgsql;

namespace Chat.Projections.Benchmark;

/// <summary>Ingest throughput of one run of the ingest command: rows it added to the log per second.</summary>
public sealed record IngestRun(long Rows, double Seconds)
{
    public double RowsPerSecond => Rows / Seconds;
}

/// <summary>
/// The hook for the ingest half of the benchmark: runs a command that pushes a fixed load through
/// Chat.Ingest into the benchmark database and returns once it is stored, and measures the rows it
/// added. The command gets CHAT_BENCH_DATABASE and CHAT_BENCH_INGEST_CONNECTION in its environment.
/// </summary>
public static class IngestLoad
{
    public static async Task<IngestRun> RunAsync(string command, MessageSeeder log, string ingestConnection, string database)
    {
        var before = await log.CountAsync(CancellationToken.None);
        var start = new ProcessStartInfo("bash", ["-c", command]) { UseShellExecute = false };
        start.Environment["CHAT_BENCH_DATABASE"] = database;
        start.Environment["CHAT_BENCH_INGEST_CONNECTION"] = ingestConnection;
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start: {command}");
        using var timeout = new CancellationTokenSource(TimeSpan.FromHours(1));
        await process.WaitForExitAsync(timeout.Token);
        var seconds = watch.Elapsed.TotalSeconds;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"The ingest command exited with {process.ExitCode}: {command}");
        }

        return new IngestRun(await log.CountAsync(CancellationToken.None) - before, seconds);
    }

    /// <summary>Runs the command while every view is refreshed concurrently, one after another, without pause.</summary>
    public static async Task<IngestRun> RunWhileRefreshingAsync(
        string command, MessageSeeder log, NpgsqlDataSource projections, string ingestConnection, string database)
    {
        using var stop = new CancellationTokenSource();
        var refreshing = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                foreach (var view in RefreshTimings.Views)
                {
                    await RefreshTimings.RefreshAsync(projections, view, concurrently: true);
                }
            }
        });
        try
        {
            return await RunAsync(command, log, ingestConnection, database);
        }
        finally
        {
            await stop.CancelAsync();
            await refreshing;
        }
    }
}
