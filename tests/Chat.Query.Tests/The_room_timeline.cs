using System.Text.Json;
using Chat.Query.Tests.Fixtures;

namespace Chat.Query.Tests;

public sealed class The_room_timeline(ChatHistoryService service) : IClassFixture<ChatHistoryService>
{
    private const string Timeline = """
        query ($room: Int!, $first: Int, $after: String, $since: DateTimeOffset, $until: DateTimeOffset) {
          roomTimeline(roomId: $room, first: $first, after: $after, since: $since, until: $until) {
            edges { cursor node { id roomId userId username content type timestamp } }
            nodes { id }
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
          }
        }
        """;

    [Fact]
    public async Task Lists_a_rooms_messages_newest_first_with_every_field()
    {
        var data = await service.Client.DataAsync(Timeline, new { room = 2, first = 50 });

        var expected = KnownChatHistory.Messages.Where(m => m.RoomId == 2).NewestFirst().ToList();
        var edges = data.GetProperty("roomTimeline").GetProperty("edges").EnumerateArray().ToList();
        Assert.Equal(expected.Select(m => m.Id), edges.Select(e => e.GetProperty("node").GetProperty("id").GetString()));
        var newest = edges[0].GetProperty("node");
        Assert.Equal(expected[0].UserId, newest.GetProperty("userId").GetString());
        Assert.Equal(expected[0].Username, newest.GetProperty("username").GetString());
        Assert.Equal(expected[0].Content, newest.GetProperty("content").GetString());
        Assert.Equal("TEXT", newest.GetProperty("type").GetString());
        Assert.Equal(2, newest.GetProperty("roomId").GetInt32());
        Assert.Equal(expected[0].Timestamp, newest.GetProperty("timestamp").GetDateTimeOffset());
        Assert.False(data.GetProperty("roomTimeline").GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(7)]
    public async Task Pages_through_tied_timestamps_without_gaps_or_repeats(int pageSize)
    {
        var seen = new List<string>();
        string? after = null;
        for (var pages = 0; pages < 100; pages++)
        {
            var page = (await service.Client.DataAsync(Timeline, new { room = 1, first = pageSize, after })).GetProperty("roomTimeline");
            var ids = page.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()!).ToList();
            Assert.True(ids.Count <= pageSize);
            seen.AddRange(ids);
            var info = page.GetProperty("pageInfo");
            Assert.Equal(after is not null, info.GetProperty("hasPreviousPage").GetBoolean());
            if (!info.GetProperty("hasNextPage").GetBoolean())
            {
                break;
            }

            after = info.GetProperty("endCursor").GetString();
        }

        var expected = KnownChatHistory.Messages.Where(m => m.RoomId == 1).NewestFirst().Select(m => m.Id);
        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task Each_edges_cursor_continues_right_after_that_edge()
    {
        var first = (await service.Client.DataAsync(Timeline, new { room = 1, first = 10 })).GetProperty("roomTimeline");
        var edges = first.GetProperty("edges").EnumerateArray().ToList();

        var rest = (await service.Client.DataAsync(Timeline, new { room = 1, first = 3, after = edges[4].GetProperty("cursor").GetString() }))
            .GetProperty("roomTimeline").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString());

        Assert.Equal(edges.Skip(5).Take(3).Select(e => e.GetProperty("node").GetProperty("id").GetString()), rest);
        Assert.Equal(edges[0].GetProperty("cursor").GetString(), first.GetProperty("pageInfo").GetProperty("startCursor").GetString());
    }

    [Fact]
    public async Task Keeps_to_the_time_range_since_inclusive_until_exclusive()
    {
        var since = KnownChatHistory.Start.AddMinutes(2);
        var until = KnownChatHistory.Start.AddMinutes(5);

        var data = await service.Client.DataAsync(Timeline, new { room = 1, first = 100, since, until });

        var expected = KnownChatHistory.Messages
            .Where(m => m.RoomId == 1 && m.Timestamp >= since && m.Timestamp < until).NewestFirst().Select(m => m.Id).ToList();
        Assert.Equal(9, expected.Count);
        Assert.Equal(expected, Ids(data));
    }

    [Fact]
    public async Task An_empty_range_of_a_known_room_is_an_empty_page()
    {
        var data = await service.Client.DataAsync(Timeline, new { room = 1, since = KnownChatHistory.Start.AddDays(1) });

        Assert.Empty(Ids(data));
        Assert.False(data.GetProperty("roomTimeline").GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("roomTimeline").GetProperty("pageInfo").GetProperty("endCursor").ValueKind);
    }

    [Fact]
    public async Task An_unknown_room_is_an_error_that_says_so()
    {
        var answer = await service.Client.QueryAsync(Timeline, new { room = 99 });

        Assert.Equal("UNKNOWN_ROOM", answer.ErrorCode);
        Assert.Contains("Room 99", answer.ErrorMessage);
        Assert.Equal(JsonValueKind.Null, answer.Data.ValueKind);
    }

    [Theory]
    [InlineData(-1, "INVALID_ARGUMENT", "'first' must be zero or more")]
    [InlineData(1001, "PAGE_SIZE_LIMIT", "'first' may be at most 1000")]
    public async Task Rejects_a_page_size_out_of_bounds(int first, string code, string message)
    {
        var answer = await service.Client.QueryAsync(Timeline, new { room = 1, first });

        Assert.Equal(code, answer.ErrorCode);
        Assert.Contains(message, answer.ErrorMessage);
    }

    [Fact]
    public async Task Rejects_until_before_since()
    {
        var answer = await service.Client.QueryAsync(Timeline,
            new { room = 1, since = KnownChatHistory.Start, until = KnownChatHistory.Start.AddHours(-1) });

        Assert.Equal("INVALID_ARGUMENT", answer.ErrorCode);
        Assert.Contains("'until'", answer.ErrorMessage);
        Assert.Contains("later than 'since'", answer.ErrorMessage);
    }

    [Theory]
    [InlineData("not-a-cursor")]
    [InlineData("djI6MTIzOm0x")] // "v2:123:m1": another version
    [InlineData("djE6YWJjOm0x")] // "v1:abc:m1": no timestamp
    public async Task Rejects_a_cursor_it_did_not_issue(string after)
    {
        var answer = await service.Client.QueryAsync(Timeline, new { room = 1, after });

        Assert.Equal("INVALID_CURSOR", answer.ErrorCode);
    }

    [Fact]
    public async Task Rejects_a_room_number_that_cannot_exist()
    {
        var answer = await service.Client.QueryAsync(Timeline, new { room = 0 });

        Assert.Equal("INVALID_ARGUMENT", answer.ErrorCode);
        Assert.Contains("'roomId' must be a positive room number", answer.ErrorMessage);
    }

    private static IEnumerable<string?> Ids(JsonElement data) =>
        data.GetProperty("roomTimeline").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString());
}
