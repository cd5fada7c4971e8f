using System.CommandLine;

namespace Chat.LoadTest.Reporting;

/// <summary>report: regenerates docs/PERFORMANCE.md from the measured runs' files.</summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var docs = new Option<string?>("--docs") { Description = "The docs folder (default: docs/ of the repository)." };
        var command = new Command("report", "Regenerate docs/PERFORMANCE.md from docs/perf/load/*/summary.json, the old report's claims and docs/perf/*.md.") { docs };
        command.SetAction(async (result, cancellationToken) =>
        {
            var folder = result.GetValue(docs)
                ?? Path.Combine(Environment.GetEnvironmentVariable("CHAT_ROOT") ?? Directory.GetCurrentDirectory(), "docs");
            var path = await new PerformanceReport(folder).WriteAsync(DateTimeOffset.UtcNow, cancellationToken);
            await Console.Out.WriteLineAsync($"wrote {path}");
            return 0;
        });
        return command;
    }
}
