using Chat.Contracts.Projections;

namespace Chat.Projections.Tests;

public sealed class An_on_demand_request(PostgresDatabase database, RabbitMqVirtualHost broker)
    : IClassFixture<PostgresDatabase>, IClassFixture<RabbitMqVirtualHost>
{
    [Fact]
    public async Task Over_the_bus_refreshes_the_named_views_now_and_only_those()
    {
        await TestMessages.AppendAsync(database, (11, "hank", "2025-11-24 10:00:00Z"), (12, "hank", "2025-11-24 10:05:00Z"));
        await using var host = new ProjectionsHost(database, broker);
        var before = (await RefreshHistory.StatusAsync(database, ProjectedView.RoomStats))?.SucceededCount ?? 0;

        await host.SendAsync(new RefreshProjections { Views = ["room_stats"] });

        await RefreshHistory.SucceededAsync(database, ProjectedView.RoomStats, before + 1);
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT message_count FROM room_stats WHERE room_id = 12"));
        Assert.Null(await RefreshHistory.StatusAsync(database, ProjectedView.UserStats));
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM user_stats"));
    }

    [Fact]
    public async Task Made_many_times_while_a_refresh_runs_adds_a_single_run()
    {
        await using var host = new ProjectionsHost(database, broker);
        var view = ProjectedView.HourlyStats;
        var before = (await RefreshHistory.StatusAsync(database, view))?.SucceededCount ?? 0;
        var coalesced = await host.MetricAsync("chat_projections_on_demand_requests_total", ("view", view.Name), ("outcome", "coalesced")) ?? 0;

        await using (await LockedMessages.HoldAsync(database))
        {
            await host.SendAsync(new RefreshProjections { Views = [view.Name] });
            await LockedMessages.RefreshWaitingAsync(database, view);
            for (var i = 0; i < 20; i++)
            {
                await host.SendAsync(new RefreshProjections { Views = [view.Name] });
            }

            await Eventually.TrueAsync(
                async () => await host.MetricAsync("chat_projections_on_demand_requests_total", ("view", view.Name), ("outcome", "coalesced")) == coalesced + 19,
                "19 of the 20 requests to join the one queued run");
        }

        await RefreshHistory.SucceededAsync(database, view, before + 2);
        await Task.Delay(TimeSpan.FromSeconds(2)); // room for any further run to show up
        Assert.Equal(before + 2, (await RefreshHistory.StatusAsync(database, view))!.SucceededCount);
    }

    [Fact]
    public async Task Naming_an_unknown_view_is_refused_whole_into_the_error_queue()
    {
        await using var host = new ProjectionsHost(database, broker);
        var before = (await RefreshHistory.StatusAsync(database, ProjectedView.UserStats))?.SucceededCount ?? 0;

        await host.SendAsync(new RefreshProjections { Views = ["user_stats", "no_such_view"] });

        await Eventually.TrueAsync(async () => await ErrorQueueDepthAsync() == 1, "the request in the error queue");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(before, (await RefreshHistory.StatusAsync(database, ProjectedView.UserStats))?.SucceededCount ?? 0);
    }

    private async Task<long> ErrorQueueDepthAsync()
    {
        try
        {
            return await broker.QueueDepthAsync("chat-projections-refresh_error");
        }
        catch (HttpRequestException)
        {
            return 0; // not declared until the first fault
        }
    }
}
