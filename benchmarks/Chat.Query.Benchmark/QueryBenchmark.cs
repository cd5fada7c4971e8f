using System.Globalization;
using Chat.LoadTest.Publishing;
using Chat.LoadTest.Reporting;
using Npgsql;

namespace Chat.Query.Benchmark;

/// <summary>The measuring half of the benchmark, against a running service.</summary>
public static class QueryBenchmark
{
    public static async Task RunAsync(BenchmarkSettings settings)
    {
        var url = settings.Url ?? throw new ArgumentException("--url of the running service is required");
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };
        var date = DateTimeOffset.UtcNow;

        var (first, last) = await TimeRangeAsync();
        var latencies = new List<(WorkloadQuery, LatencyFigures)>();
        var run = new LatencyRun(http);
        foreach (var query in new QueryWorkload(settings, first, last).Queries())
        {
            var figures = await run.MeasureAsync(query, Math.Max(20, settings.Requests / query.RequestDivisor), TimeSpan.FromSeconds(60));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{query.Name,-55} n={figures.Count,5} p50={figures.P50,8:0.00} p95={figures.P95,8:0.00} p99={figures.P99,8:0.00} ms  (target {query.Target})"));
            latencies.Add((query, figures));
        }

        var plans = new PlanCapture(settings, first + (last - first) / 2);
        var deepPage = await plans.KeysetVersusOffsetAsync(samples: 30);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"page {deepPage.Depth:N0} deep: keyset {deepPage.KeysetMs:0.00} ms, OFFSET {deepPage.OffsetMs:0.00} ms"));

        var wrk = new WrkRun(url, settings.WrkSeconds);
        var throughput = new List<(WrkFigures, WrkFigures)>();
        foreach (var connections in settings.Connections)
        {
            var timeline = await wrk.TimelineAsync(connections);
            var health = await wrk.HealthAsync(connections);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"wrk -c {connections,3}: timeline {timeline.RequestsPerSecond,9:N0} req/s (p50 {timeline.P50Ms:0.00} ms, p99 {timeline.P99Ms:0.00} ms, non-2xx {timeline.Errors}); /health/live {health.RequestsPerSecond,9:N0} req/s; ratio {timeline.RequestsPerSecond / health.RequestsPerSecond:0.00}"));
            throughput.Add((timeline, health));
        }

        MachineFacts machine;
        await using (var postgres = NpgsqlDataSource.Create(BenchmarkSettings.ConnectionString("postgres")))
        {
            machine = await MachineFacts.ReadAsync(postgres, RabbitMqSettings.FromEnvironment(), CancellationToken.None);
        }

        var report = QueryReport.Render(settings, machine, date, latencies, deepPage, throughput,
            await plans.ExplainAsync());
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(settings.Output))!);
        await File.WriteAllTextAsync(settings.Output, report);
        Console.WriteLine($"Wrote {settings.Output}");
    }

    private static async Task<(DateTimeOffset First, DateTimeOffset Last)> TimeRangeAsync()
    {
        await using var dataSource = NpgsqlDataSource.Create(BenchmarkSettings.ConnectionString("chat_query"));
        await using var command = dataSource.CreateCommand("""SELECT min("timestamp"), max("timestamp") FROM messages""");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetFieldValue<DateTimeOffset>(0), reader.GetFieldValue<DateTimeOffset>(1));
    }
}
