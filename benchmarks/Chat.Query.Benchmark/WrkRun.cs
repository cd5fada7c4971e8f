using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Chat.Query.Benchmark;

/// <summary>Requests per second from wrk (Debian's package) at one concurrency level, for a bounded time.</summary>
public sealed partial class WrkRun(Uri baseUrl, int seconds)
{
    // One room-timeline page (first: 50) per request, rooms chosen at random.
    private const string TimelineScript = """
        math.randomseed(os.time())
        wrk.method = "POST"
        wrk.headers["Content-Type"] = "application/json"
        request = function()
          local body = string.format('{"query":"{ roomTimeline(roomId: %d, first: 50) { edges { cursor node { id roomId userId username content type timestamp } } pageInfo { hasNextPage endCursor } } }"}', math.random(1, 20))
          return wrk.format(nil, "/graphql", nil, body)
        end
        """;

    public Task<WrkFigures> TimelineAsync(int connections) => RunAsync(connections, "/graphql", TimelineScript);

    /// <summary>The same load on /health/live: what the HTTP stack alone does on this machine.</summary>
    public Task<WrkFigures> HealthAsync(int connections) => RunAsync(connections, "/health/live", null);

    private async Task<WrkFigures> RunAsync(int connections, string path, string? script)
    {
        var scriptFile = Path.GetTempFileName();
        try
        {
            var arguments = new List<string> { "-t", "2", "-c", connections.ToString(CultureInfo.InvariantCulture), "-d", $"{seconds}s", "--latency" };
            if (script is not null)
            {
                await File.WriteAllTextAsync(scriptFile, script);
                arguments.AddRange(["-s", scriptFile]);
            }

            arguments.Add(new Uri(baseUrl, path).ToString());
            var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
            arguments.ForEach(start.ArgumentList.Add);
            using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start");
            var output = await wrk.StandardOutput.ReadToEndAsync();
            await wrk.WaitForExitAsync();
            if (wrk.ExitCode != 0)
            {
                throw new InvalidOperationException($"wrk failed: {await wrk.StandardError.ReadToEndAsync()}");
            }

            var errors = NonSuccess().Match(output) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
            return new WrkFigures(connections,
                double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture),
                Percentile(output, "50%"), Percentile(output, "99%"), errors);
        }
        finally
        {
            File.Delete(scriptFile);
        }
    }

    private static double Percentile(string output, string label)
    {
        var match = Regex.Match(output, $@"^\s*{Regex.Escape(label)}\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccess();
}

public sealed record WrkFigures(int Connections, double RequestsPerSecond, double P50Ms, double P99Ms, long Errors);
