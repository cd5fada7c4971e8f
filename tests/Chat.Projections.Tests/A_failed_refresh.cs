using System.Net;

namespace Chat.Projections.Tests;

public sealed class A_failed_refresh(PostgresDatabase database, RabbitMqVirtualHost broker)
    : IClassFixture<PostgresDatabase>, IClassFixture<RabbitMqVirtualHost>
{
    [Fact]
    public async Task Is_recorded_and_the_next_scheduled_run_succeeds()
    {
        await using var host = new ProjectionsHost(database, broker, new Dictionary<string, string>
        {
            ["Refresh:ScheduleEnabled"] = "true",
            ["Refresh:RoomStatsInterval"] = "00:00:01",
            ["Refresh:StatementTimeout"] = "00:00:00.300",
        });
        var view = ProjectedView.RoomStats;

        await using (await LockedMessages.HoldAsync(database))
        {
            _ = host.Services; // the scheduler starts; every run times out waiting for the table
            await Eventually.ValueAsync(() => RefreshHistory.StatusAsync(database, view), s => s?.FailedCount >= 2, "two failed runs");
        }

        var status = await RefreshHistory.SucceededAsync(database, view);
        Assert.StartsWith("57014: canceling statement due to statement timeout", status.LastError);
        Assert.True(status.DataAsOf > status.LastFailedAt);
        Assert.True(status.FailedCount >= 2);
    }

    [Fact]
    public async Task With_the_database_away_is_counted_and_the_service_stays_up_unready()
    {
        var nowhere = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString(DatabaseRole.Projections))
        {
            Host = "127.0.0.1",
            Port = 1, // nothing listens there
            Timeout = 2,
        }.ConnectionString;
        await using var host = new ProjectionsHost(database, broker, connectionString: nowhere);
        var view = ProjectedView.UserStats;
        var failed = await host.MetricAsync("chat_projections_refresh_total", ("view", view.Name), ("outcome", "failed")) ?? 0;
        var unrecorded = await host.MetricAsync("chat_projections_status_write_failures_total", ("view", view.Name)) ?? 0;

        var first = await host.Refresher.RefreshAsync(view, CancellationToken.None);
        var second = await host.Refresher.RefreshAsync(view, CancellationToken.None);

        Assert.Equal(RefreshResult.Failed, first.Result);
        Assert.Equal(RefreshResult.Failed, second.Result);
        Assert.Equal(failed + 2, await host.MetricAsync("chat_projections_refresh_total", ("view", view.Name), ("outcome", "failed")));
        Assert.Equal(unrecorded + 2, await host.MetricAsync("chat_projections_status_write_failures_total", ("view", view.Name)));
        using var client = host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
    }
}
