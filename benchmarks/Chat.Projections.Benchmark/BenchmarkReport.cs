using Chat.LoadTest.Reporting;
using System.Text;

namespace Chat.Projections.Benchmark;

/// <summary>The markdown fragment docs/PERFORMANCE.md is assembled from.</summary>
public static class BenchmarkReport
{
    /// <summary>The default schedule: a view is at most this old plus one refresh when its next refresh commits.</summary>
    private const double IntervalSeconds = 30;

    public static string Write(
        string command, DateTimeOffset date, MachineFacts machine, IReadOnlyList<RefreshTiming> timings,
        (IngestRun Alone, IngestRun WhileRefreshing)? ingest)
    {
        var text = new StringBuilder();
        text.AppendLine("## Projections: refreshing the analytics views")
            .AppendLine()
            .AppendLine($"Measured {date:yyyy-MM-dd HH:mm} UTC with `{command}`, on {machine.Describe()}. " +
                "Messages from the seed-data generator (COPY); each figure is the median of the repeats (min–max beside it), " +
                "one refresh per transaction as chat_projections, nothing else running.")
            .AppendLine()
            .AppendLine("| messages | view | rows | CONCURRENTLY (s) | plain (s) | concurrently / plain | worst staleness at a 30 s interval (s) |")
            .AppendLine("|---:|---|---:|---:|---:|---:|---:|");
        foreach (var t in timings)
        {
            text.AppendLine($"| {t.Messages:N0} | {t.View} | {t.Rows:N0} | {t.ConcurrentMedian:F2} ({t.ConcurrentSeconds.Min():F2}–{t.ConcurrentSeconds.Max():F2}) " +
                $"| {t.PlainMedian:F2} ({t.PlainSeconds.Min():F2}–{t.PlainSeconds.Max():F2}) | {t.ConcurrentMedian / t.PlainMedian:F2} " +
                $"| {IntervalSeconds + t.ConcurrentMedian:F1} |");
        }

        text.AppendLine()
            .AppendLine("Worst staleness assumes the service's default schedule (every 30 s per view): just before a refresh commits, " +
                "its view holds what was committed when the previous one started, 30 s plus one refresh earlier. " +
                "A plain refresh locks readers out of the view for its whole duration; CONCURRENTLY does not.");
        text.AppendLine();
        if (ingest is { } runs)
        {
            text.AppendLine("| ingest | rows | seconds | rows/s |")
                .AppendLine("|---|---:|---:|---:|")
                .AppendLine($"| alone | {runs.Alone.Rows:N0} | {runs.Alone.Seconds:F1} | {runs.Alone.RowsPerSecond:N0} |")
                .AppendLine($"| while the views refresh without pause | {runs.WhileRefreshing.Rows:N0} | {runs.WhileRefreshing.Seconds:F1} | {runs.WhileRefreshing.RowsPerSecond:N0} |")
                .AppendLine()
                .AppendLine($"Refreshing cost the ingest {100 * (1 - (runs.WhileRefreshing.RowsPerSecond / runs.Alone.RowsPerSecond)):F0}% of its throughput.");
        }
        else
        {
            text.AppendLine("Ingest throughput while refreshing was not measured in this run (no `--ingest-command`).");
        }

        return text.ToString();
    }
}
