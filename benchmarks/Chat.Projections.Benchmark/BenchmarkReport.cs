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
            text.AppendLine($"Ingest while refreshing, at the largest size: `./chat load baseline --messages {runs.Alone.Messages}` (the load tool " +
                    "publishing both producer formats to the real Chat.Ingest, exactly-once checked), alone and then while all three views " +
                    "are refreshed CONCURRENTLY one after another without pause.")
                .AppendLine()
                .AppendLine("| ingest | msg/s end to end | lag p99 | worst staleness while it ran |")
                .AppendLine("|---|---:|---:|---|")
                .AppendLine($"| alone | {runs.Alone.MessagesPerSecond:N0} | {runs.Alone.LagP99Seconds:F2} s | — |")
                .AppendLine($"| while the views refresh without pause | {runs.WhileRefreshing.MessagesPerSecond:N0} | {runs.WhileRefreshing.LagP99Seconds:F2} s | " +
                    string.Join(", ", runs.WhileRefreshing.WorstStalenessSeconds.Select(w => $"{w.Key} {w.Value:F0} s")) + " |")
                .AppendLine()
                .AppendLine($"Refreshing cost the ingest {100 * (1 - (runs.WhileRefreshing.MessagesPerSecond / runs.Alone.MessagesPerSecond)):F0}% of its throughput (target: at most 20%; views under 60 s stale).");
        }
        else
        {
            text.AppendLine("Ingest throughput while refreshing was not measured in this run (no `--ingest-messages`).");
        }

        return text.ToString();
    }
}
