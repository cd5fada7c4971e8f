using System.Text.Json;
using Chat.Query.Tests.Fixtures;

namespace Chat.Query.Tests;

public sealed class The_user_history(ChatHistoryService service) : IClassFixture<ChatHistoryService>
{
    private const string History = """
        query ($user: String!, $room: Int, $first: Int, $after: String, $since: DateTimeOffset, $until: DateTimeOffset) {
          userHistory(userId: $user, roomId: $room, first: $first, after: $after, since: $since, until: $until) {
            nodes { id roomId username type }
            pageInfo { hasNextPage endCursor }
          }
        }
        """;

    [Fact]
    public async Task Lists_a_users_messages_in_every_room_newest_first()
    {
        var data = await service.Client.DataAsync(History, new { user = "alice", first = 100 });

        var expected = KnownChatHistory.Messages.Where(m => m.UserId == "alice").NewestFirst().Select(m => m.Id);
        Assert.Equal(expected, Ids(data));
    }

    [Fact]
    public async Task Keeps_to_one_room_when_asked()
    {
        var data = await service.Client.DataAsync(History, new { user = "alice", room = 3 });

        var expected = KnownChatHistory.Messages.Where(m => m.UserId == "alice" && m.RoomId == 3).NewestFirst().Select(m => m.Id);
        Assert.Equal(expected, Ids(data));
    }

    [Fact]
    public async Task Shows_messages_of_the_old_system_with_null_username_and_type()
    {
        var data = await service.Client.DataAsync(History, new { user = "alice", room = 3, first = 1 });

        var newest = data.GetProperty("userHistory").GetProperty("nodes")[0];
        Assert.Equal("r3-4", newest.GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, newest.GetProperty("username").ValueKind);
        Assert.Equal(JsonValueKind.Null, newest.GetProperty("type").ValueKind);
    }

    [Fact]
    public async Task Keeps_to_the_time_range_and_pages_through_it()
    {
        var since = KnownChatHistory.Start.AddHours(1);
        var until = KnownChatHistory.Start.AddHours(3);
        var seen = new List<string?>();
        string? after = null;
        do
        {
            var page = (await service.Client.DataAsync(History, new { user = "bob", first = 2, after, since, until })).GetProperty("userHistory");
            seen.AddRange(page.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()));
            after = page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean()
                ? page.GetProperty("pageInfo").GetProperty("endCursor").GetString()
                : null;
        }
        while (after is not null && seen.Count < 100);

        var expected = KnownChatHistory.Messages
            .Where(m => m.UserId == "bob" && m.Timestamp >= since && m.Timestamp < until).NewestFirst().Select(m => m.Id);
        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task A_user_who_never_posted_has_an_empty_history()
    {
        var data = await service.Client.DataAsync(History, new { user = "nobody" });

        Assert.Empty(Ids(data));
    }

    [Fact]
    public async Task Rejects_an_empty_user_id()
    {
        var answer = await service.Client.QueryAsync(History, new { user = " " });

        Assert.Equal("INVALID_ARGUMENT", answer.ErrorCode);
        Assert.Contains("'userId' must not be empty", answer.ErrorMessage);
    }

    private static IEnumerable<string?> Ids(JsonElement data) =>
        data.GetProperty("userHistory").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString());
}
