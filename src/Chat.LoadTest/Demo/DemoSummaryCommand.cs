using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Chat.LoadTest.Access;
using Chat.LoadTest.Reporting;

namespace Chat.LoadTest.Demo;

/// <summary>
/// demo-summary: after ./chat demo's load, waits until every view was refreshed after the load
/// ended, then prints what was published and stored and a few answers of the GraphQL API.
/// </summary>
public static class DemoSummaryCommand
{
    private const string ViewsQuery = "{ analytics { views { view state dataAsOf } } }";

    private const string SummaryQuery = """
        query Summary($since: DateTimeOffset!, $until: DateTimeOffset!) {
          analytics {
            totals { messages rooms users }
            topRooms(by: MESSAGES, first: 3) { rooms { roomId messageCount uniqueUsers } }
            topUsers(first: 3) { users { userId messageCount } }
            views { view state stalenessSeconds lastRefreshDurationMs rows }
          }
          activeUsers(since: $since, until: $until) { users messages }
        }
        """;

    private const string TimelineQuery = """
        query Timeline($room: Int!) {
          roomTimeline(roomId: $room, first: 3) { nodes { id username type content timestamp } }
        }
        """;

    public static Command Create()
    {
        var run = new Option<string>("--run") { Description = "The load run's folder (holds summary.json).", Required = true };
        var graphql = new Option<string>("--graphql") { Description = "Chat.Query's GraphQL endpoint.", Required = true };
        var refreshedAfter = new Option<string>("--refreshed-after") { Description = "Wait until every view's data is as of this instant or later (ISO 8601).", Required = true };
        var wait = new Option<int>("--wait-seconds") { Description = "Longest wait for the refresh.", DefaultValueFactory = _ => 180 };
        var keyFile = new Option<string?>("--key-file") { Description = "Chat.Query's signing key: the summary asks with a reader token of its own (none when omitted, for a service running open)." };
        var command = new Command("demo-summary", "Print the demo's outcome and a few answers from the GraphQL API.")
        {
            run, graphql, refreshedAfter, wait, keyFile,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var report = await ProfileReport.ReadAsync(result.GetValue(run)!, cancellationToken);
            if (report is not { Steps.Count: > 0 })
            {
                await Console.Error.WriteLineAsync($"demo-summary: no load run in {result.GetValue(run)}");
                return 2;
            }

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            if (result.GetValue(keyFile) is { } key)
            {
                var token = AccessTokens.Mint(await File.ReadAllTextAsync(key, cancellationToken), ["reader"], null,
                    TimeSpan.FromMinutes(15), "demo-summary");
                http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            }

            var client = new ChatGraphQLClient(http, new Uri(result.GetValue(graphql)!));
            var after = DateTimeOffset.Parse(result.GetValue(refreshedAfter)!, CultureInfo.InvariantCulture);
            if (!await WaitForRefreshAsync(client, after, TimeSpan.FromSeconds(result.GetValue(wait)), cancellationToken))
            {
                await Console.Error.WriteLineAsync($"demo-summary: the views were not refreshed after {after:O} within {result.GetValue(wait)} s");
                return 1;
            }

            var step = report.Steps[^1];
            var until = DateTimeOffset.UtcNow;
            var data = await client.QueryAsync(SummaryQuery, new { since = until.AddHours(-1), until }, cancellationToken);
            var topRoom = data["analytics"]!["topRooms"]!["rooms"]!.AsArray().FirstOrDefault()?["roomId"]?.GetValue<int>();
            var timeline = topRoom is { } room
                ? await client.QueryAsync(TimelineQuery, new { room }, cancellationToken)
                : null;
            Print(step, data, topRoom, timeline);
            return step.Passed ? 0 : 1;
        });
        return command;
    }

    private static async Task<bool> WaitForRefreshAsync(
        ChatGraphQLClient client, DateTimeOffset after, TimeSpan wait, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + wait;
        while (DateTimeOffset.UtcNow < deadline)
        {
            var views = (await client.QueryAsync(ViewsQuery, null, cancellationToken))["analytics"]!["views"]!.AsArray();
            if (views.Count > 0 && views.All(v => v?["dataAsOf"]?.GetValue<DateTimeOffset>() >= after))
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }

        return false;
    }

    private static void Print(RunSummary step, JsonNode data, int? topRoom, JsonNode? timeline)
    {
        var c = step.Counts;
        var analytics = data["analytics"]!;
        var totals = analytics["totals"]!;
        var active = data["activeUsers"]!;
        Console.WriteLine();
        Console.WriteLine($"Demo run {step.RunId}: {(step.Passed ? "every message stored exactly once" : "FAILED: " + string.Join("; ", step.Failures))}");
        Console.WriteLine($"  published  {c.Sent,10:N0}  ({c.Duplicates:N0} repeated ids, {c.Invalid:N0} invalid on purpose)");
        Console.WriteLine($"  stored     {c.Stored,10:N0}  (distinct valid messages: {c.DistinctValid:N0})");
        Console.WriteLine($"  duplicates {c.Duplicates,10:N0}  stored once each");
        Console.WriteLine($"  rejected   {c.Rejected,10:N0}  recorded in rejected_messages with their reason");
        Console.WriteLine($"  throughput {step.Throughput.EndToEndRate,10:N0}  messages/s end to end (published at {step.Throughput.PublishRate:N0}/s)");
        Console.WriteLine($"  lag        p50 {step.EndToEndLagSeconds.P50:N2} s, p99 {step.EndToEndLagSeconds.P99:N2} s (message timestamp to commit)");
        Console.WriteLine();
        Console.WriteLine("From the GraphQL API:");
        Console.WriteLine($"  totals: {totals["messages"]!.GetValue<long>():N0} messages, {totals["rooms"]} rooms, {totals["users"]!.GetValue<long>():N0} users");
        Console.WriteLine($"  active users in the last hour: {active["users"]} ({active["messages"]} messages)");
        Console.WriteLine("  top rooms: " + string.Join(", ", analytics["topRooms"]!["rooms"]!.AsArray()
            .Select(r => $"room {r!["roomId"]} ({r["messageCount"]} messages, {r["uniqueUsers"]} users)")));
        Console.WriteLine("  top users: " + string.Join(", ", analytics["topUsers"]!["users"]!.AsArray()
            .Select(u => $"{u!["userId"]} ({u["messageCount"]} messages)")));
        Console.WriteLine("  views: " + string.Join(", ", analytics["views"]!.AsArray()
            .Select(v => $"{v!["view"]} {v["state"]} ({v["rows"]} rows, refreshed in {v["lastRefreshDurationMs"]?.GetValue<double>():N0} ms)")));
        if (timeline is not null)
        {
            Console.WriteLine($"  newest in room {topRoom}:");
            foreach (var m in timeline["roomTimeline"]!["nodes"]!.AsArray())
            {
                var content = m!["content"]!.GetValue<string>();
                Console.WriteLine($"    {m["timestamp"]} {m["username"]} [{m["type"]}] {(content.Length > 60 ? content[..60] + "…" : content)}");
            }
        }
    }
}
