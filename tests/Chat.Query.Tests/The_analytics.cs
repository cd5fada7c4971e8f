using System.Text.Json;
using Chat.Query.Tests.Fixtures;

namespace Chat.Query.Tests;

public sealed class The_analytics(ChatHistoryService service) : IClassFixture<ChatHistoryService>
{
    private static readonly IReadOnlyList<Chat.Query.Reads.ChatMessage> All = KnownChatHistory.Messages;

    [Fact]
    public async Task Top_users_are_ranked_by_messages_then_id()
    {
        var users = (await service.Client.DataAsync("""
            { analytics { topUsers(first: 3) { users { userId messageCount roomsParticipated firstMessageAt lastMessageAt } } } }
            """)).GetProperty("analytics").GetProperty("topUsers").GetProperty("users").EnumerateArray().ToList();

        var expected = All.GroupBy(m => m.UserId)
            .Select(g => (User: g.Key, Count: g.Count(), Rooms: g.Select(m => m.RoomId).Distinct().Count(), Last: g.Max(m => m.Timestamp)))
            .OrderByDescending(u => u.Count).ThenBy(u => u.User, StringComparer.Ordinal).Take(3).ToList();
        Assert.Equal(expected.Select(u => u.User), users.Select(u => u.GetProperty("userId").GetString()));
        Assert.Equal(expected.Select(u => (long)u.Count), users.Select(u => u.GetProperty("messageCount").GetInt64()));
        Assert.Equal(expected.Select(u => (long)u.Rooms), users.Select(u => u.GetProperty("roomsParticipated").GetInt64()));
        Assert.Equal(expected.Select(u => u.Last), users.Select(u => u.GetProperty("lastMessageAt").GetDateTimeOffset()));
    }

    [Theory]
    [InlineData("MESSAGES")]
    [InlineData("UNIQUE_USERS")]
    [InlineData("LAST_ACTIVITY")]
    public async Task Top_rooms_follow_the_ranking_asked_for(string ranking)
    {
        var top = (await service.Client.DataAsync($$"""
            { analytics { topRooms(by: {{ranking}}, first: 10) { rankedBy rooms { roomId messageCount uniqueUsers lastActivityAt } } } }
            """)).GetProperty("analytics").GetProperty("topRooms");

        var rooms = All.GroupBy(m => m.RoomId)
            .Select(g => (Room: g.Key, Count: (long)g.Count(), Users: (long)g.Select(m => m.UserId).Distinct().Count(), Last: g.Max(m => m.Timestamp)))
            .ToList();
        var expected = ranking switch
        {
            "MESSAGES" => rooms.OrderByDescending(r => r.Count).ThenBy(r => r.Room),
            "UNIQUE_USERS" => rooms.OrderByDescending(r => r.Users).ThenBy(r => r.Room),
            _ => rooms.OrderByDescending(r => r.Last).ThenBy(r => r.Room),
        };
        Assert.Equal(ranking, top.GetProperty("rankedBy").GetString());
        var actual = top.GetProperty("rooms").EnumerateArray().ToList();
        Assert.Equal(expected.Select(r => r.Room), actual.Select(r => r.GetProperty("roomId").GetInt32()));
        Assert.Equal(expected.Select(r => r.Count), actual.Select(r => r.GetProperty("messageCount").GetInt64()));
        Assert.Equal(expected.Select(r => r.Users), actual.Select(r => r.GetProperty("uniqueUsers").GetInt64()));
    }

    [Fact]
    public async Task Hourly_activity_covers_each_utc_hour_of_the_range_including_the_first()
    {
        var since = KnownChatHistory.Start.AddMinutes(30);
        var until = KnownChatHistory.Start.AddHours(3);

        var hours = (await service.Client.DataAsync("""
            query ($since: DateTimeOffset!, $until: DateTimeOffset!) {
              analytics { hourlyActivity(since: $since, until: $until) { hours { hour messageCount uniqueUsers activeRooms } } }
            }
            """, new { since, until })).GetProperty("analytics").GetProperty("hourlyActivity").GetProperty("hours").EnumerateArray().ToList();

        var expected = All.GroupBy(m => new DateTimeOffset(m.Timestamp.Year, m.Timestamp.Month, m.Timestamp.Day, m.Timestamp.Hour, 0, 0, TimeSpan.Zero))
            .Where(g => g.Key >= KnownChatHistory.Start && g.Key < until)
            .OrderBy(g => g.Key)
            .Select(g => (Hour: g.Key, Count: (long)g.Count(), Users: (long)g.Select(m => m.UserId).Distinct().Count(), Rooms: (long)g.Select(m => m.RoomId).Distinct().Count()))
            .ToList();
        Assert.Equal(expected.Select(h => h.Hour), hours.Select(h => h.GetProperty("hour").GetDateTimeOffset()));
        Assert.Equal(expected.Select(h => h.Count), hours.Select(h => h.GetProperty("messageCount").GetInt64()));
        Assert.Equal(expected.Select(h => h.Users), hours.Select(h => h.GetProperty("uniqueUsers").GetInt64()));
        Assert.Equal(expected.Select(h => h.Rooms), hours.Select(h => h.GetProperty("activeRooms").GetInt64()));
    }

    [Fact]
    public async Task Totals_sum_up_the_whole_log()
    {
        var totals = (await service.Client.DataAsync("""
            { analytics { totals { messages rooms users firstMessageAt lastMessageAt } } }
            """)).GetProperty("analytics").GetProperty("totals");

        Assert.Equal(All.Count, totals.GetProperty("messages").GetInt64());
        Assert.Equal(All.Select(m => m.RoomId).Distinct().Count(), totals.GetProperty("rooms").GetInt64());
        Assert.Equal(All.Select(m => m.UserId).Distinct().Count(), totals.GetProperty("users").GetInt64());
        Assert.Equal(All.Min(m => m.Timestamp), totals.GetProperty("firstMessageAt").GetDateTimeOffset());
        Assert.Equal(All.Max(m => m.Timestamp), totals.GetProperty("lastMessageAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Freshness_is_unknown_before_the_projection_service_has_recorded_anything()
    {
        var analytics = (await service.Client.DataAsync("""
            { analytics { totals { freshness { view state dataAsOf } } views { view state } } }
            """)).GetProperty("analytics");

        var totals = analytics.GetProperty("totals").GetProperty("freshness").EnumerateArray().ToList();
        Assert.Equal(["room_stats", "user_stats"], totals.Select(f => f.GetProperty("view").GetString()));
        Assert.All(totals, f => Assert.Equal("UNKNOWN", f.GetProperty("state").GetString()));
        Assert.All(totals, f => Assert.Equal(JsonValueKind.Null, f.GetProperty("dataAsOf").ValueKind));
        Assert.All(analytics.GetProperty("views").EnumerateArray(), f => Assert.Equal("UNKNOWN", f.GetProperty("state").GetString()));
    }

    [Theory]
    [InlineData("{ analytics { topUsers(first: -1) { users { userId } } } }", "INVALID_ARGUMENT")]
    [InlineData("{ analytics { topRooms(first: 5000) { rooms { roomId } } } }", "PAGE_SIZE_LIMIT")]
    [InlineData("""{ analytics { hourlyActivity(since: "2025-11-20T10:00:00Z", until: "2025-11-20T09:00:00Z") { hours { hour } } } }""", "INVALID_ARGUMENT")]
    [InlineData("""{ analytics { hourlyActivity(since: "2024-01-01T00:00:00Z", until: "2025-01-01T00:00:00Z") { hours { hour } } } }""", "WINDOW_TOO_WIDE")]
    public async Task Rejects_bad_arguments_with_a_code(string query, string code)
    {
        var answer = await service.Client.QueryAsync(query);

        Assert.Equal(code, answer.ErrorCode);
    }
}
