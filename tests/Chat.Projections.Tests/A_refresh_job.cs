using System.Text.Json;

namespace Chat.Projections.Tests;

public sealed class A_refresh_job(PostgresDatabase database, RabbitMqVirtualHost broker)
    : IClassFixture<PostgresDatabase>, IClassFixture<RabbitMqVirtualHost>
{
    [Fact]
    public async Task Makes_each_view_show_the_messages_committed_before_it_ran()
    {
        await TestMessages.AppendAsync(database,
            (3, "alice", "2025-11-20 21:10:00Z"), (3, "bob", "2025-11-20 21:40:00Z"), (4, "alice", "2025-11-20 22:05:00Z"));
        await using var host = new ProjectionsHost(database, broker);
        var before = new Dictionary<ProjectedView, long>();
        foreach (var view in ProjectedView.All)
        {
            before[view] = (await RefreshHistory.StatusAsync(database, view))?.SucceededCount ?? 0;
            await host.TriggerJobAsync(view);
        }

        foreach (var view in ProjectedView.All)
        {
            var status = await RefreshHistory.SucceededAsync(database, view, before[view] + 1);
            Assert.Equal(await database.ScalarAsync<long>($"SELECT count(*) FROM {view.Name}"), status.Rows);
        }

        Assert.Equal(2L, await database.ScalarAsync<long>("SELECT rooms_participated FROM user_stats WHERE user_id = 'alice'"));
        Assert.Equal(2L, await database.ScalarAsync<long>("SELECT unique_users FROM room_stats WHERE room_id = 3"));
        Assert.Equal(2L, await database.ScalarAsync<long>(
            "SELECT message_count FROM hourly_stats WHERE hour = timestamptz '2025-11-20 21:00Z'"));
    }

    [Fact]
    public async Task Records_its_start_and_its_success_as_events_and_in_the_status_document()
    {
        await TestMessages.AppendAsync(database, (7, "carol", "2025-11-21 08:00:00Z"));
        await using var host = new ProjectionsHost(database, broker);
        var before = (await RefreshHistory.EventsAsync(database, ProjectedView.RoomStats)).Count;

        var outcome = await host.Refresher.RefreshAsync(ProjectedView.RoomStats, CancellationToken.None);

        var events = (await RefreshHistory.EventsAsync(database, ProjectedView.RoomStats)).Skip(before).ToList();
        Assert.Equal(["view_refresh_started", "view_refresh_succeeded"], events.Select(e => e.Type));
        var succeeded = events[1].Data;
        Assert.Equal(outcome.Rows, succeeded.GetProperty("rows").GetInt64());
        Assert.True(succeeded.GetProperty("durationMs").GetDouble() > 0);

        var status = (await RefreshHistory.StatusAsync(database, ProjectedView.RoomStats))!;
        Assert.Equal("room_stats", status.Id);
        Assert.Equal(outcome.Rows, status.Rows);
        Assert.Equal(outcome.DataAsOf, status.DataAsOf);
        Assert.Equal(outcome.FinishedAt, status.LastSucceededAt);
        Assert.InRange(status.DataAsOf!.Value, status.LastStartedAt!.Value, status.LastSucceededAt!.Value);
        Assert.Equal(outcome.Duration.TotalMilliseconds, status.LastDurationMs!.Value, 3);
    }

    [Fact]
    public async Task Runs_again_and_again_on_its_schedule()
    {
        await using var host = new ProjectionsHost(database, broker, new Dictionary<string, string>
        {
            ["Refresh:ScheduleEnabled"] = "true",
            ["Refresh:HourlyStatsInterval"] = "00:00:01",
        });
        _ = host.Services; // starts the host and its scheduler

        var first = await RefreshHistory.SucceededAsync(database, ProjectedView.HourlyStats);
        var later = await RefreshHistory.SucceededAsync(database, ProjectedView.HourlyStats, first.SucceededCount + 2);

        Assert.True(later.DataAsOf > first.DataAsOf);
    }

    [Fact]
    public async Task Leaves_a_status_table_the_query_role_can_read()
    {
        await using var host = new ProjectionsHost(database, broker);
        await host.Refresher.RefreshAsync(ProjectedView.UserStats, CancellationToken.None);

        Assert.Equal("chat_projections", await database.ScalarAsync<string>(
            "SELECT tableowner::text FROM pg_tables WHERE schemaname = 'projection_status' AND tablename = 'mt_doc_view_refresh_status'"));
        var status = await RefreshHistory.StatusAsync(database, ProjectedView.UserStats); // as chat_query
        Assert.NotNull(status?.DataAsOf);
        var json = await database.ScalarAsync<string>(
            "SELECT data::text FROM projection_status.mt_doc_view_refresh_status WHERE id = 'user_stats'");
        var properties = JsonDocument.Parse(json!).RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("dataAsOf", properties);
        Assert.Contains("succeededCount", properties);
    }
}
