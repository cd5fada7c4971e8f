using Chat.LoadTest.Reporting;
using System.Globalization;
using System.Text;

namespace Chat.Ingest.Benchmark;

/// <summary>The figures of a run, as printed and as the markdown fragment of docs/perf/.</summary>
public static class Report
{
    public static string Markdown(BenchmarkOptions options, string command, MachineFacts machine, IReadOnlyList<PhaseResult> results)
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine(inv, $"## Ingest throughput ({DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC)");
        text.AppendLine();
        text.AppendLine(inv, $"Command: `{command}`  ");
        text.AppendLine(inv, $"Machine: {machine.Describe()}; everything on this machine.  ");
        text.AppendLine(inv, $"Traffic: {options.Messages:N0} persistent messages per phase, both producer shapes alternating, 20 rooms, 1,000 users, published with confirms over {options.Publishers} channel(s) while consuming.");
        text.AppendLine();
        text.AppendLine("| phase | configuration | msg/s end to end | publish msg/s | stored / consumed | exactly once |");
        text.AppendLine("|---|---|---:|---:|---:|---|");
        foreach (var r in results)
        {
            text.AppendLine(inv, $"| {r.Name} | {r.Description} | {r.Rate:N0} | {r.Messages / r.PublishElapsed.TotalSeconds:N0} | {r.Stored:N0} | {(r.ExactlyOnce ? "yes" : "**no**")} |");
        }

        text.AppendLine();
        foreach (var line in Ratios(results))
        {
            text.AppendLine(inv, $"- {line}");
        }

        foreach (var r in results.Where(r => r.Details.Count > 0))
        {
            foreach (var (key, value) in r.Details)
            {
                text.AppendLine(inv, $"- {r.Name}: {key}: {value}");
            }
        }

        return text.ToString();
    }

    public static IEnumerable<string> Ratios(IReadOnlyList<PhaseResult> results)
    {
        var raw = results.FirstOrDefault(r => r.Name.StartsWith("raw", StringComparison.Ordinal));
        var baseline = results.FirstOrDefault(r => r.Name.StartsWith("default", StringComparison.Ordinal));
        var ingest = results.FirstOrDefault(r => r.Name == "Chat.Ingest");
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
