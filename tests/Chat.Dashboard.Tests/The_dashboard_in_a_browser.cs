using System.Text.Json;
using Xunit.Abstractions;

namespace Chat.Dashboard.Tests;

/// <summary>
/// The dashboard as a person sees it, in headless Chromium at 1366×768, over the platform running
/// with <see cref="KnownTraffic"/>. Screenshots: .local/artifacts/dashboard/.
/// </summary>
public sealed class The_dashboard_in_a_browser(LiveDashboard platform, ITestOutputHelper output) : IClassFixture<LiveDashboard>
{
    private static readonly TimeSpan BrowserTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Draws_every_chart_from_the_known_traffic_and_pages_the_room_timeline()
    {
        var seen = await BrowserCheck.RunAsync(new { url = platform.PageUrl, mode = "overview", artifacts = BrowserCheck.Artifacts, timeoutMs = 60_000 }, BrowserTimeout);
        output.WriteLine($"Screenshots in {BrowserCheck.Artifacts}");

        var charts = seen.GetProperty("charts");
        Assert.True(seen.GetProperty("allCharts").GetBoolean(), $"not every chart has data: {charts}\n{platform.Query.Output()}");
        Assert.Equal(KnownTraffic.RoomsByMessages.Select(r => $"room {r}"), Labels(charts, "top-rooms"));
        Assert.Equal(10, charts.GetProperty("top-users").GetProperty("points").GetInt32());
        Assert.Equal(["user_stats", "room_stats", "hourly_stats"], Labels(charts, "view-freshness"));
        Assert.Equal(["FRESH", "FRESH", "FRESH"], seen.GetProperty("views").EnumerateArray().Select(v => v.GetProperty("state").GetString()));
        Assert.Equal(["Chat.Query:UP", "Chat.Ingest:UP", "Chat.Projections:UP"], Services(seen));
        Assert.InRange(seen.GetProperty("scrollWidth").GetInt32(), 0, 1366);
        Assert.Empty(seen.GetProperty("pageErrors").EnumerateArray());

        // Paging: the next page is the next messages of the room, newest first; back gives the first again.
        var timeline = seen.GetProperty("timeline");
        var room = timeline.GetProperty("first").GetProperty("room").GetInt32();
        var newest = await platform.ColumnAsync<string>(
            """SELECT message_id FROM messages WHERE room_id = $1 ORDER BY "timestamp" DESC, message_id DESC LIMIT 24""", room);
        Assert.Equal(newest.Take(12), Ids(timeline, "first"));
        Assert.Equal(newest.Skip(12), Ids(timeline, "second"));
        Assert.Equal(Ids(timeline, "first"), Ids(timeline, "firstAgain"));

        // Cut off from /graphql, the page says Chat.Query does not answer, keeps retrying, and recovers.
        var unreachable = seen.GetProperty("unreachable");
        Assert.Contains("No data from Chat.Query since", unreachable.GetProperty("banner").GetString(), StringComparison.Ordinal);
        Assert.Equal("down", unreachable.GetProperty("connection").GetString());
        Assert.Equal("DOWN", unreachable.GetProperty("queryService").GetProperty("state").GetString());
        Assert.True(unreachable.GetProperty("recovered").GetBoolean());

        Assert.All(["dashboard.png", "dashboard-1366x768.png", "dashboard-query-unreachable.png"],
            file => Assert.True(File.Exists(Path.Combine(BrowserCheck.Artifacts, file)), file));
    }

    [Fact]
    public async Task Shows_a_stopped_service_as_down_since_it_stopped_and_its_views_going_stale()
    {
        var stoppedAt = DateTimeOffset.UtcNow;
        await platform.Projections.StopAsync();
        try
        {
            var seen = await BrowserCheck.RunAsync(
                new { url = platform.PageUrl, mode = "service-down", service = "Chat.Projections", artifacts = BrowserCheck.Artifacts, timeoutMs = 60_000 },
                BrowserTimeout);

            Assert.True(seen.GetProperty("shown").GetBoolean(), $"{string.Join("; ", Services(seen))}\n{platform.Query.Output()}");
            Assert.True(seen.GetProperty("stale").GetBoolean(), seen.GetProperty("views").ToString());
            var projections = seen.GetProperty("services").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "Chat.Projections");
            Assert.InRange(projections.GetProperty("since").GetDateTimeOffset(), stoppedAt.AddSeconds(-1), DateTimeOffset.UtcNow);
            Assert.Contains("connection refused", projections.GetProperty("text").GetString(), StringComparison.Ordinal);
            Assert.Contains("Chat.Ingest:UP", Services(seen));
            Assert.True(File.Exists(Path.Combine(BrowserCheck.Artifacts, "dashboard-chat-projections-down.png")));
        }
        finally
        {
            await platform.Projections.RestartAsync();
            await platform.UntilPipelineHealthyAsync();
        }
    }

    private static IEnumerable<string?> Labels(JsonElement charts, string chart) =>
        charts.GetProperty(chart).GetProperty("labels").EnumerateArray().Select(l => l.GetString());

    private static IEnumerable<string> Services(JsonElement seen) =>
        seen.GetProperty("services").EnumerateArray().Select(s => $"{s.GetProperty("name").GetString()}:{s.GetProperty("state").GetString()}");

    private static IEnumerable<string?> Ids(JsonElement timeline, string page) =>
        timeline.GetProperty(page) is { ValueKind: JsonValueKind.Object } shown
            ? shown.GetProperty("ids").EnumerateArray().Select(i => i.GetString())
            : throw new InvalidOperationException($"The timeline's {page} page was not shown: {timeline}");
}
