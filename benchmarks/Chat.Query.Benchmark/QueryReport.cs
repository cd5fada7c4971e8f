using Chat.LoadTest.Reporting;
using System.Globalization;
using System.Text;

namespace Chat.Query.Benchmark;

/// <summary>docs/perf/query.md: the figures, how they were made, and on what.</summary>
public static class QueryReport
{
    public static string Render(BenchmarkSettings settings, MachineFacts machine, DateTimeOffset date,
        IReadOnlyList<(WorkloadQuery Query, LatencyFigures Figures)> latencies,
        (double KeysetMs, double OffsetMs, int Depth) deepPage,
        IReadOnlyList<(WrkFigures Timeline, WrkFigures Health)> throughput,
        IReadOnlyList<(string Name, string Plan)> plans)
    {
        var smoke = settings.Messages < 10_000_000;
        var md = new StringBuilder();
        md.AppendLine("# Chat.Query performance");
        md.AppendLine();
        if (smoke)
        {
            md.AppendLine($"> **Smoke run at {settings.Messages:N0} messages**: proves the benchmark works end to end; these are not the 10M-message figures the targets refer to.");
            md.AppendLine();
        }

        md.AppendLine(Invariant($"- Command: `{settings.Command}`"));
        md.AppendLine(Invariant($"- Date: {date:yyyy-MM-dd HH:mm} UTC"));
        md.AppendLine(Invariant($"- Machine: {machine.Describe()} (RabbitMQ is not used by Chat.Query). Service, database and load generator share the machine."));
        md.AppendLine(Invariant($"- Data: {settings.Messages:N0} messages from `./chat seed-data` (src/Chat.LoadTest, run id `bench`, seed 42): {settings.Rooms} rooms and {settings.Users:N0} users, skewed like chat, timestamps rising over {settings.Days} days; views refreshed and everything vacuumed before measuring."));
        md.AppendLine("- Service: Release build of src/Chat.Query as chat_query, request logging at Warning (a console line per request would measure the console).");
        md.AppendLine();

        md.AppendLine("## Latency of every query");
        md.AppendLine();
        md.AppendLine("Measured over HTTP (POST /graphql), one request at a time on a kept-alive connection, arguments drawn at random over the data set: each figure is the service's whole time for the request (parse, validate, database, serialize) plus one loopback round trip. Milliseconds.");
        md.AppendLine();
        md.AppendLine("| query | requests | p50 | p95 | p99 | max | target |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---|");
        foreach (var (query, f) in latencies)
        {
            md.AppendLine(Invariant($"| {query.Name} | {f.Count} | {f.P50:0.00} | {f.P95:0.00} | {f.P99:0.00} | {f.Max:0.00} | {query.Target} |"));
        }

        md.AppendLine();
        md.AppendLine("## Keyset pages versus OFFSET (baseline)");
        md.AppendLine();
        md.AppendLine(Invariant($"A room-timeline page of 50, {deepPage.Depth:N0} messages deep, in SQL as chat_query (median of random rooms): keyset cursor {deepPage.KeysetMs:0.00} ms, OFFSET {deepPage.OffsetMs:0.00} ms, OFFSET/keyset = {(deepPage.KeysetMs > 0 ? deepPage.OffsetMs / deepPage.KeysetMs : 0):0.0}x."));
        md.AppendLine();

        md.AppendLine("## Room-timeline throughput (wrk)");
        md.AppendLine();
        md.AppendLine(Invariant($"`wrk -t2 -c N -d {settings.WrkSeconds}s --latency` posting `roomTimeline(roomId: <random 1-20>, first: 50)` with every message field and the page info. Baseline: the same load on `/health/live` (the HTTP stack alone, no GraphQL, no database) in the same run."));
        md.AppendLine();
        md.AppendLine("| connections | timeline req/s | p50 ms | p99 ms | non-2xx | /health/live req/s | timeline / health |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (timeline, health) in throughput)
        {
            md.AppendLine(Invariant($"| {timeline.Connections} | {timeline.RequestsPerSecond:N0} | {timeline.P50Ms:0.00} | {timeline.P99Ms:0.00} | {timeline.Errors} | {health.RequestsPerSecond:N0} | {timeline.RequestsPerSecond / health.RequestsPerSecond:0.00} |"));
        }

        md.AppendLine();
        md.AppendLine("## Plans of the hot queries");
        md.AppendLine();
        md.AppendLine("`EXPLAIN (ANALYZE, BUFFERS)` of each reader's own SQL with the kind of arguments the service passes, as chat_query, second run (warm).");
        foreach (var (name, plan) in plans)
        {
            md.AppendLine();
            md.AppendLine($"### {name}");
            md.AppendLine();
            md.AppendLine("```");
            md.AppendLine(plan);
            md.AppendLine("```");
        }

        return md.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
