using System.Text.Json;
using Chat.Query.Tests.Fixtures;

namespace Chat.Query.Tests;

/// <summary>Active users, a user's rooms and a message by id.</summary>
public sealed class The_activity_queries(ChatHistoryService service) : IClassFixture<ChatHistoryService>
{
    [Fact]
    public async Task Active_users_counts_distinct_users_and_their_messages_in_the_window()
    {
        var since = KnownChatHistory.Start.AddMinutes(5);
        var until = KnownChatHistory.Start.AddHours(2).AddMinutes(1);

        var active = (await service.Client.DataAsync("""
            query ($since: DateTimeOffset!, $until: DateTimeOffset!) { activeUsers(since: $since, until: $until) { users messages since until } }
            """, new { since, until })).GetProperty("activeUsers");

        var inWindow = KnownChatHistory.Messages.Where(m => m.Timestamp >= since && m.Timestamp < until).ToList();
        Assert.Equal(inWindow.Select(m => m.UserId).Distinct().Count(), active.GetProperty("users").GetInt64());
        Assert.Equal(inWindow.Count, active.GetProperty("messages").GetInt64());
        Assert.Equal(since, active.GetProperty("since").GetDateTimeOffset());
    }

    [Fact]
    public async Task Active_users_of_a_quiet_window_is_zero()
    {
        var active = (await service.Client.DataAsync("""
            { activeUsers(since: "2020-01-01T00:00:00Z", until: "2020-01-02T00:00:00Z") { users messages } }
            """)).GetProperty("activeUsers");

        Assert.Equal(0, active.GetProperty("users").GetInt64());
        Assert.Equal(0, active.GetProperty("messages").GetInt64());
    }

    [Theory]
    [InlineData("2025-11-20T10:00:00Z", "2025-11-20T09:00:00Z", "INVALID_ARGUMENT")]
    [InlineData("2025-11-20T10:00:00Z", "2025-11-20T10:00:00Z", "INVALID_ARGUMENT")]
    [InlineData("2025-01-01T00:00:00Z", "2025-03-01T00:00:00Z", "WINDOW_TOO_WIDE")]
    public async Task Active_users_rejects_a_window_that_is_backwards_or_too_wide(string since, string until, string code)
    {
        var answer = await service.Client.QueryAsync(
            "query ($since: DateTimeOffset!, $until: DateTimeOffset!) { activeUsers(since: $since, until: $until) { users } }",
            new { since, until });

        Assert.Equal(code, answer.ErrorCode);
    }

    [Fact]
    public async Task A_users_rooms_have_counts_and_activity_most_recent_first()
    {
        var rooms = (await service.Client.DataAsync("""
            { userRooms(userId: "alice") { roomId messageCount firstMessageAt lastMessageAt } }
            """)).GetProperty("userRooms").EnumerateArray().ToList();

        var expected = KnownChatHistory.Messages.Where(m => m.UserId == "alice")
            .GroupBy(m => m.RoomId)
            .Select(g => (Room: g.Key, Count: g.Count(), First: g.Min(m => m.Timestamp), Last: g.Max(m => m.Timestamp)))
            .OrderByDescending(r => r.Last).ThenBy(r => r.Room)
            .ToList();
        Assert.Equal(expected.Select(r => r.Room), rooms.Select(r => r.GetProperty("roomId").GetInt32()));
        Assert.Equal(expected.Select(r => (long)r.Count), rooms.Select(r => r.GetProperty("messageCount").GetInt64()));
        Assert.Equal(expected.Select(r => r.First), rooms.Select(r => r.GetProperty("firstMessageAt").GetDateTimeOffset()));
        Assert.Equal(expected.Select(r => r.Last), rooms.Select(r => r.GetProperty("lastMessageAt").GetDateTimeOffset()));
    }

    [Fact]
    public async Task A_user_who_never_posted_has_no_rooms()
    {
        var data = await service.Client.DataAsync("""{ userRooms(userId: "nobody") { roomId } }""");

        Assert.Equal(0, data.GetProperty("userRooms").GetArrayLength());
    }

    [Fact]
    public async Task A_message_is_found_by_its_id()
    {
        var message = (await service.Client.DataAsync("""{ message(id: "r2-03") { id roomId userId content timestamp } }"""))
            .GetProperty("message");

        var expected = KnownChatHistory.Messages.Single(m => m.Id == "r2-03");
        Assert.Equal(expected.Content, message.GetProperty("content").GetString());
        Assert.Equal(expected.UserId, message.GetProperty("userId").GetString());
        Assert.Equal(expected.Timestamp, message.GetProperty("timestamp").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_missing_message_is_null_not_an_error()
    {
        var data = await service.Client.DataAsync("""{ message(id: "no-such-id") { id } }""");

        Assert.Equal(JsonValueKind.Null, data.GetProperty("message").ValueKind);
    }
}
