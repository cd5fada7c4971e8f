using System.Text.Json;
using Chat.Query.Tests.Fixtures;

namespace Chat.Query.Tests;

/// <summary>
/// The dashboard's own GraphQL documents (src/Chat.Query/Dashboard/src/queries), run as the page
/// runs them: they validate against the schema, stay within the limits, and answer the known data.
/// </summary>
public sealed class The_dashboards_queries(ChatHistoryService service) : IClassFixture<ChatHistoryService>
{
    private static readonly string Queries = Path.Combine(LocalSettings.RepositoryRoot, "src", "Chat.Query", "Dashboard", "src", "queries");

    [Fact]
    public async Task The_overview_answers_every_panel_without_errors()
    {
        var day = KnownChatHistory.Start.Date;
        var data = await service.Client.DataAsync(await File.ReadAllTextAsync(Path.Combine(Queries, "overview.graphql")), new
        {
            rangeSince = day,
            daySince = day,
            until = day.AddDays(1),
            activeSince = KnownChatHistory.Start,
            roomRanking = "MESSAGES",
            top = 10,
        });

        var analytics = data.GetProperty("analytics");
        var hours = analytics.GetProperty("traffic").GetProperty("hours").EnumerateArray()
            .ToDictionary(h => h.GetProperty("hour").GetDateTimeOffset().Hour, h => h.GetProperty("messageCount").GetInt64());
        var expected = KnownChatHistory.Messages.GroupBy(m => m.Timestamp.Hour).ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.Equal(expected, hours);
        Assert.Equal([1, 2, 3], analytics.GetProperty("topRooms").GetProperty("rooms").EnumerateArray().Select(r => r.GetProperty("roomId").GetInt32()));
        Assert.Equal(3, analytics.GetProperty("rooms").GetProperty("rooms").GetArrayLength());
        Assert.Equal(4, analytics.GetProperty("topUsers").GetProperty("users").GetArrayLength());
        Assert.Equal(3, analytics.GetProperty("views").GetArrayLength());
        Assert.Equal(KnownChatHistory.Messages.Select(m => m.UserId).Distinct().Count(), data.GetProperty("activeNow").GetProperty("users").GetInt64());
    }

    [Fact]
    public async Task The_pipeline_query_answers_without_configured_services()
    {
        var pipeline = (await service.Client.DataAsync(await File.ReadAllTextAsync(Path.Combine(Queries, "pipeline.graphql")), new { ingestMinutes = 5 }))
            .GetProperty("pipeline");

        Assert.Equal(["NOT_CONFIGURED", "NOT_CONFIGURED"], pipeline.GetProperty("services").EnumerateArray().Select(s => s.GetProperty("state").GetString()));
        Assert.Equal(0, pipeline.GetProperty("ingest").GetProperty("instances").GetInt32());
    }

    [Fact]
    public async Task The_timeline_pages_through_a_room_newest_first()
    {
        var document = await File.ReadAllTextAsync(Path.Combine(Queries, "timeline.graphql"));
        var room = KnownChatHistory.Messages.Where(m => m.RoomId == 1).NewestFirst().Select(m => m.Id).ToList();

        var first = (await service.Client.DataAsync(document, new { roomId = 1, first = 12, after = (string?)null })).GetProperty("roomTimeline");
        var second = (await service.Client.DataAsync(document, new
        {
            roomId = 1,
            first = 12,
            after = first.GetProperty("pageInfo").GetProperty("endCursor").GetString(),
        })).GetProperty("roomTimeline");

        Assert.Equal(room.Take(12), Ids(first));
        Assert.Equal(room.Skip(12).Take(12), Ids(second));
        Assert.True(second.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
    }

    private static IEnumerable<string> Ids(JsonElement connection) =>
        connection.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()!);
}
