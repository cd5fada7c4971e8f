using System.Globalization;
using System.Text;
using Chat.LoadTest.Reporting;

namespace Chat.Ingest.Benchmark;

/// <summary>The figures of a run, as printed and as the markdown fragment of docs/perf/.</summary>
public static class Report
{
    public static string Markdown(BenchmarkOptions options, string command, MachineFacts machine, IReadOnlyList<PhaseSummary> phases)
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine(inv, $"## Ingest throughput ({DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC)");
        text.AppendLine();
        text.AppendLine(inv, $"Command: `{command}`  ");
        text.AppendLine(inv, $"Machine: {machine.Describe()}; everything on this machine.  ");
        text.AppendLine(inv, $"Traffic: {options.Messages:N0} persistent messages per phase, both producer shapes alternating, 20 rooms, 1,000 users, published with confirms over {options.Publishers} channel(s) while consuming.");
        var rounds = phases.Max(p => p.Runs.Count);
        text.AppendLine(inv, $"Rounds: {rounds} (the phases run one after the other in each round); the figures are each phase's median run, every run's rate beside it.");
        text.AppendLine();
        text.AppendLine("| phase | configuration | msg/s end to end (median) | every run | publish msg/s (median run) | exactly once, every run |");
        text.AppendLine("|---|---|---:|---|---:|---|");
        foreach (var phase in phases)
        {
            var m = phase.Median;
            text.AppendLine(inv, $"| {m.Name} | {m.Description} | {m.Rate:N0} | {string.Join(", ", phase.Runs.Select(r => r.Rate.ToString("N0", inv)))} | {m.Messages / m.PublishElapsed.TotalSeconds:N0} | {(phase.ExactlyOnce ? "yes" : "**no**")} |");
        }

        text.AppendLine();
        foreach (var line in Ratios(phases))
        {
            text.AppendLine(inv, $"- {line}");
        }

        foreach (var phase in phases.Where(p => p.Median.Details.Count > 0))
        {
            foreach (var (key, value) in phase.Median.Details)
            {
                text.AppendLine(inv, $"- {phase.Name} (median run): {key}: {value}");
            }
        }

        return text.ToString();
    }

    /// <summary>The targets' ratios, of the phases' medians.</summary>
    public static IEnumerable<string> Ratios(IReadOnlyList<PhaseSummary> phases)
    {
        var raw = phases.FirstOrDefault(p => p.Name.StartsWith("raw", StringComparison.Ordinal))?.Median;
        var baseline = phases.FirstOrDefault(p => p.Name.StartsWith("default", StringComparison.Ordinal))?.Median;
        var ingest = phases.FirstOrDefault(p => p.Name == "Chat.Ingest")?.Median;
        if (ingest is not null && raw is not null)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"c/a (Chat.Ingest / raw RabbitMQ): {ingest.Rate / raw.Rate:F2} (target >= 0.75)");
        }

        if (ingest is not null && baseline is not null)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"c/b (Chat.Ingest / default MassTransit): {ingest.Rate / baseline.Rate:F2} (target >= 2)");
        }
    }
}
