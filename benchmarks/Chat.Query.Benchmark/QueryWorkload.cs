using Chat.Query.Reads;

namespace Chat.Query.Benchmark;

/// <summary>One kind of request the benchmark times, with fresh random arguments each time.</summary>
public sealed record WorkloadQuery(string Name, string Target, Func<Random, (string Query, object Variables)> Next, int RequestDivisor = 1);

/// <summary>Every query of the API, with arguments spread over the loaded data set (its time range read from it).</summary>
public sealed class QueryWorkload(BenchmarkSettings settings, DateTimeOffset first, DateTimeOffset last)
{
    private const string MessageFields = "id roomId userId username content type timestamp";

    public IReadOnlyList<WorkloadQuery> Queries() =>
    [
        new("roomTimeline, newest 50", "p95 < 5 ms", r => (
            $"query ($room: Int!) {{ roomTimeline(roomId: $room, first: 50) {{ edges {{ cursor node {{ {MessageFields} }} }} pageInfo {{ hasNextPage endCursor }} }} }}",
            new { room = Room(r) })),
        new("roomTimeline, 50 after a cursor anywhere in the month", "p95 < 5 ms", r => (
            $"query ($room: Int!, $after: String) {{ roomTimeline(roomId: $room, first: 50, after: $after) {{ edges {{ cursor node {{ {MessageFields} }} }} pageInfo {{ hasNextPage endCursor }} }} }}",
            new { room = Room(r), after = new MessageCursor(Instant(r).UtcDateTime, "f").Encode() })),
        new("roomTimeline, 50 in a 24-hour range", "p95 < 5 ms", r =>
        {
            var since = Instant(r, TimeSpan.FromDays(1));
            return ($"query ($room: Int!, $since: DateTimeOffset, $until: DateTimeOffset) {{ roomTimeline(roomId: $room, first: 50, since: $since, until: $until) {{ nodes {{ {MessageFields} }} }} }}",
                new { room = Room(r), since, until = since.AddDays(1) });
        }),
        new("userHistory, newest 50", "p95 < 5 ms", r => (
            $"query ($user: String!) {{ userHistory(userId: $user, first: 50) {{ nodes {{ {MessageFields} }} pageInfo {{ hasNextPage endCursor }} }} }}",
            new { user = User(r) })),
        new("userHistory, one room, 50", "p95 < 5 ms", r => (
            $"query ($user: String!, $room: Int) {{ userHistory(userId: $user, roomId: $room, first: 50) {{ nodes {{ {MessageFields} }} }} }}",
            new { user = User(r), room = Room(r) })),
        new("userRooms", "p95 < 5 ms", r => (
            "query ($user: String!) { userRooms(userId: $user) { roomId messageCount firstMessageAt lastMessageAt } }",
            new { user = User(r) })),
        new("message by id", "-", r => (
            "query ($id: ID!) { message(id: $id) { " + MessageFields + " } }",
            new { id = $"{BenchmarkDataset.RunId}-{r.NextInt64(settings.Messages):D10}" })),
        new("activeUsers, 24-hour window", "p95 < 100 ms", r =>
        {
            var since = Instant(r, TimeSpan.FromDays(1));
            return ("query ($since: DateTimeOffset!, $until: DateTimeOffset!) { activeUsers(since: $since, until: $until) { users messages } }",
                new { since, until = since.AddDays(1) });
        }, RequestDivisor: 10),
        new("activeUsers, 5-minute window", "-", r =>
        {
            var since = Instant(r, TimeSpan.FromMinutes(5));
            return ("query ($since: DateTimeOffset!, $until: DateTimeOffset!) { activeUsers(since: $since, until: $until) { users messages } }",
                new { since, until = since.AddMinutes(5) });
        }),
        new("analytics.topUsers(10)", "p95 < 5 ms", _ => (
            "{ analytics { topUsers(first: 10) { users { userId messageCount roomsParticipated lastMessageAt } } } }", new { })),
        new("analytics.topRooms by messages", "p95 < 5 ms", _ => (
            "{ analytics { topRooms(by: MESSAGES, first: 20) { rooms { roomId messageCount uniqueUsers lastActivityAt } } } }", new { })),
        new("analytics.topRooms by unique users", "p95 < 5 ms", _ => (
            "{ analytics { topRooms(by: UNIQUE_USERS, first: 20) { rooms { roomId messageCount uniqueUsers lastActivityAt } } } }", new { })),
        new("analytics.topRooms by last activity", "p95 < 5 ms", _ => (
            "{ analytics { topRooms(by: LAST_ACTIVITY, first: 20) { rooms { roomId messageCount uniqueUsers lastActivityAt } } } }", new { })),
        new("analytics.hourlyActivity, 7 days", "p95 < 5 ms", r =>
        {
            var since = Instant(r, TimeSpan.FromDays(7));
            return ("query ($since: DateTimeOffset!, $until: DateTimeOffset!) { analytics { hourlyActivity(since: $since, until: $until) { hours { hour messageCount uniqueUsers activeRooms } } } }",
                new { since, until = since.AddDays(7) });
        }),
        new("analytics.totals", "p95 < 5 ms", _ => (
            "{ analytics { totals { messages rooms users firstMessageAt lastMessageAt } } }", new { })),
        new("analytics.views (freshness)", "-", _ => (
            "{ analytics { views { view state dataAsOf } } }", new { })),
    ];

    private int Room(Random random) => 1 + random.Next(settings.Rooms);

    private string User(Random random) => (1 + random.Next(settings.Users)).ToString();

    /// <summary>A random instant of the data set's time range, leaving room for a window of the given width.</summary>
    private DateTimeOffset Instant(Random random, TimeSpan window = default) =>
        first + (last - first - window) * random.NextDouble();
}
