using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Chat.Query.Benchmark;

/// <summary>
/// One query's latency over HTTP: requests sent one after another on a kept-alive connection,
/// so each figure is the service's own time (parse, validate, database, serialize) plus one
/// loopback round trip.
/// </summary>
public sealed class LatencyRun(HttpClient http)
{
    public async Task<LatencyFigures> MeasureAsync(WorkloadQuery query, int requests, TimeSpan budget)
    {
        var random = new Random(42);
        var warmup = Math.Max(10, requests / 10);
        for (var i = 0; i < warmup; i++)
        {
            await SendAsync(query, random, check: i == 0);
        }

        var samples = new List<double>(requests);
        var deadline = Stopwatch.StartNew();
        while (samples.Count < requests && deadline.Elapsed < budget)
        {
            var started = Stopwatch.GetTimestamp();
            await SendAsync(query, random, check: false);
            samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return LatencyFigures.Of(samples);
    }

    private async Task SendAsync(WorkloadQuery query, Random random, bool check)
    {
        var (text, variables) = query.Next(random);
        using var response = await http.PostAsJsonAsync("/graphql", new { query = text, variables });
        var body = await response.Content.ReadAsStringAsync();
        if (check || !response.IsSuccessStatusCode)
        {
            using var document = JsonDocument.Parse(body);
            if (!response.IsSuccessStatusCode || document.RootElement.TryGetProperty("errors", out _))
            {
                throw new InvalidOperationException($"'{query.Name}' failed ({(int)response.StatusCode}): {body}");
            }
        }
    }
}

public sealed record LatencyFigures(int Count, double Mean, double P50, double P95, double P99, double Max)
{
    public static LatencyFigures Of(List<double> samples)
    {
        samples.Sort();
        double At(double q) => samples[Math.Min(samples.Count - 1, (int)Math.Ceiling(q * samples.Count) - 1)];
        return new LatencyFigures(samples.Count, samples.Average(), At(0.50), At(0.95), At(0.99), samples[^1]);
    }
}
