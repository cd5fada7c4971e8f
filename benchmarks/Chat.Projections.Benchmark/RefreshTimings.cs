using System.Diagnostics;
using Npgsql;

namespace Chat.Projections.Benchmark;

/// <summary>Refresh durations of one view at one log size.</summary>
public sealed record RefreshTiming(long Messages, string View, long Rows, IReadOnlyList<double> ConcurrentSeconds, IReadOnlyList<double> PlainSeconds)
{
    public double ConcurrentMedian => Median(ConcurrentSeconds);

    public double PlainMedian => Median(PlainSeconds);

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}

/// <summary>Times the refreshes as the service runs them: as chat_projections, one transaction each.</summary>
public static class RefreshTimings
{
    public static readonly string[] Views = ["user_stats", "room_stats", "hourly_stats"];

    public static async Task<RefreshTiming> MeasureAsync(NpgsqlDataSource projections, long messages, string view, int repeat)
    {
        // Bring the view up to date first, so every timed concurrent refresh does the steady-state work.
        await RefreshAsync(projections, view, concurrently: true);
        var concurrent = new List<double>();
        var plain = new List<double>();
        for (var i = 0; i < repeat; i++)
        {
            concurrent.Add(await RefreshAsync(projections, view, concurrently: true));
            plain.Add(await RefreshAsync(projections, view, concurrently: false));
        }

        await using var count = projections.CreateCommand($"SELECT count(*) FROM {view}");
        var rows = (long)(await count.ExecuteScalarAsync())!;
        var timing = new RefreshTiming(messages, view, rows, concurrent, plain);
        Console.WriteLine($"{messages,12:N0} {view,-13} {rows,9:N0} rows  concurrent {timing.ConcurrentMedian,8:F2} s  plain {timing.PlainMedian,8:F2} s");
        return timing;
    }

    /// <summary>One refresh in its own transaction; returns its duration in seconds.</summary>
    public static async Task<double> RefreshAsync(NpgsqlDataSource projections, string view, bool concurrently)
    {
        // The view names are the three constants above, never outside text.
        await using var command = projections.CreateCommand(
            $"REFRESH MATERIALIZED VIEW {(concurrently ? "CONCURRENTLY " : "")}{view}");
        command.CommandTimeout = 0;
        var watch = Stopwatch.StartNew();
        await command.ExecuteNonQueryAsync();
        return watch.Elapsed.TotalSeconds;
    }
}
