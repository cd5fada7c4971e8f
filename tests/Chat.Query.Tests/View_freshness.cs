using System.Text.Json;
using Chat.Contracts.Projections;
using Chat.Query.Tests.Fixtures;

namespace Chat.Query.Tests;

public sealed class View_freshness(View_freshness.WithRefreshRecords service) : IClassFixture<View_freshness.WithRefreshRecords>
{
    /// <summary>The data set, plus refresh records as Chat.Projections would keep them (see <see cref="ProjectionStatusStandIn"/>).</summary>
    public sealed class WithRefreshRecords : ChatHistoryService
    {
        public static readonly DateTimeOffset RecentRefresh = DateTimeOffset.UtcNow.AddSeconds(-30);
        public static readonly DateTimeOffset OldRefresh = DateTimeOffset.UtcNow.AddHours(-2);

        protected override async Task AfterLoadAsync()
        {
            await ProjectionStatusStandIn.CreateTableAsync(this);
            await ProjectionStatusStandIn.StoreAsync(this, new ViewRefreshStatus
            {
                Id = "user_stats",
                LastStartedAt = RecentRefresh,
                DataAsOf = RecentRefresh,
                LastSucceededAt = RecentRefresh.AddMilliseconds(250),
                LastDurationMs = 250,
                Rows = 4,
                SucceededCount = 12,
            });
            await ProjectionStatusStandIn.StoreAsync(this, new ViewRefreshStatus
            {
                Id = "room_stats",
                LastStartedAt = DateTimeOffset.UtcNow.AddMinutes(-1),
                DataAsOf = OldRefresh,
                LastSucceededAt = OldRefresh.AddSeconds(1),
                LastDurationMs = 1000,
                Rows = 3,
                LastFailedAt = DateTimeOffset.UtcNow.AddMinutes(-1),
                LastError = "canceling statement due to lock timeout",
                SucceededCount = 5,
                FailedCount = 7,
            });
        }
    }

    [Fact]
    public async Task Says_which_views_are_fresh_stale_or_never_refreshed()
    {
        var views = (await service.Client.DataAsync("""
            { analytics { views { view state dataAsOf stalenessSeconds lastRefreshedAt lastRefreshDurationMs rows lastFailedAt lastError refreshesSucceeded refreshesFailed } } }
            """)).GetProperty("analytics").GetProperty("views").EnumerateArray().ToDictionary(v => v.GetProperty("view").GetString()!);

        var users = views["user_stats"];
        Assert.Equal("FRESH", users.GetProperty("state").GetString());
        Assert.Equal(WithRefreshRecords.RecentRefresh, users.GetProperty("dataAsOf").GetDateTimeOffset());
        Assert.InRange(users.GetProperty("stalenessSeconds").GetDouble(), 29, 300);
        Assert.Equal(250, users.GetProperty("lastRefreshDurationMs").GetDouble());
        Assert.Equal(4, users.GetProperty("rows").GetInt64());
        Assert.Equal(12, users.GetProperty("refreshesSucceeded").GetInt64());
        Assert.Equal(JsonValueKind.Null, users.GetProperty("lastError").ValueKind);

        var rooms = views["room_stats"];
        Assert.Equal("STALE", rooms.GetProperty("state").GetString());
        Assert.Equal("canceling statement due to lock timeout", rooms.GetProperty("lastError").GetString());
        Assert.Equal(7, rooms.GetProperty("refreshesFailed").GetInt64());

        var hourly = views["hourly_stats"];
        Assert.Equal("UNKNOWN", hourly.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, hourly.GetProperty("stalenessSeconds").ValueKind);
    }

    [Fact]
    public async Task Each_analytics_result_carries_the_freshness_of_its_own_views()
    {
        var analytics = (await service.Client.DataAsync("""
            {
              analytics {
                topUsers(first: 1) { freshness { view state } }
                topRooms(first: 1) { freshness { view state } }
                hourlyActivity(since: "2025-11-20T00:00:00Z", until: "2025-11-21T00:00:00Z") { freshness { view state } }
                totals { users freshness { view state } }
              }
            }
            """)).GetProperty("analytics");

        static IEnumerable<string> Of(JsonElement result) =>
            result.GetProperty("freshness").EnumerateArray().Select(f => $"{f.GetProperty("view").GetString()}:{f.GetProperty("state").GetString()}");
        Assert.Equal(["user_stats:FRESH"], Of(analytics.GetProperty("topUsers")));
        Assert.Equal(["room_stats:STALE"], Of(analytics.GetProperty("topRooms")));
        Assert.Equal(["hourly_stats:UNKNOWN"], Of(analytics.GetProperty("hourlyActivity")));
        Assert.Equal(["room_stats:STALE", "user_stats:FRESH"], Of(analytics.GetProperty("totals")));
        // The user count recorded with the view's refresh (here, as in the view: 4 users).
        Assert.Equal(4, analytics.GetProperty("totals").GetProperty("users").GetInt64());
    }
}
