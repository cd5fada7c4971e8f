using Microsoft.Extensions.Time.Testing;

namespace Chat.Projections.Tests;

public sealed class The_status_document(PostgresDatabase database, RabbitMqVirtualHost broker)
    : IClassFixture<PostgresDatabase>, IClassFixture<RabbitMqVirtualHost>
{
    [Fact]
    public async Task Tells_how_stale_the_view_is_from_the_start_of_its_last_successful_refresh()
    {
        var refreshedAt = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(refreshedAt);
        await using var host = new ProjectionsHost(database, broker,
            new Dictionary<string, string> { ["Refresh:StalenessSampleInterval"] = "00:00:01" }, clock);
        var view = ProjectedView.RoomStats;

        var outcome = await host.Refresher.RefreshAsync(view, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(90));

        var status = (await RefreshHistory.StatusAsync(database, view))!;
        Assert.Equal(RefreshResult.Succeeded, outcome.Result);
        Assert.Equal(refreshedAt, status.DataAsOf);
        Assert.Equal(TimeSpan.FromSeconds(90), status.StalenessAt(clock.GetUtcNow()));
        await Eventually.TrueAsync(
            async () => await host.MetricAsync("chat_projections_view_staleness_seconds", ("view", view.Name)) == 90,
            "the staleness gauge to read 90 s");

        clock.Advance(TimeSpan.FromSeconds(30)); // no refresh in between: the gauge keeps counting
        await Eventually.TrueAsync(
            async () => await host.MetricAsync("chat_projections_view_staleness_seconds", ("view", view.Name)) == 120,
            "the staleness gauge to read 120 s");
    }
}
