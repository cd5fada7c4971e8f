using System.Text.Json;

namespace Chat.Projections.Tests;

public sealed class Two_instances(PostgresDatabase database, RabbitMqVirtualHost broker)
    : IClassFixture<PostgresDatabase>, IClassFixture<RabbitMqVirtualHost>
{
    [Fact]
    public async Task Never_refresh_one_view_at_once_the_second_skips_and_records_nothing()
    {
        await using var first = new ProjectionsHost(database, broker);
        await using var second = new ProjectionsHost(database, broker);
        var view = ProjectedView.RoomStats;
        var skippedBefore = await second.MetricAsync("chat_projections_refresh_total", ("view", view.Name), ("outcome", "skipped")) ?? 0;
        var eventsBefore = (await RefreshHistory.EventsAsync(database, view)).Count;

        Task<RefreshOutcome> running;
        RefreshOutcome skipped;
        await using (await LockedMessages.HoldAsync(database))
        {
            running = first.Refresher.RefreshAsync(view, CancellationToken.None);
            await LockedMessages.RefreshWaitingAsync(database, view);
            skipped = await second.Refresher.RefreshAsync(view, CancellationToken.None);
        }

        Assert.Equal(RefreshResult.Skipped, skipped.Result);
        Assert.Equal(RefreshResult.Succeeded, (await running).Result);
        Assert.Equal(skippedBefore + 1, await second.MetricAsync("chat_projections_refresh_total", ("view", view.Name), ("outcome", "skipped")));
        var events = (await RefreshHistory.EventsAsync(database, view)).Skip(eventsBefore).Select(e => e.Type);
        Assert.Equal(["view_refresh_started", "view_refresh_succeeded"], events);
    }

    [Fact]
    public async Task Scheduled_on_the_same_views_take_turns_without_overlapping()
    {
        var everySecond = new Dictionary<string, string>
        {
            ["Refresh:ScheduleEnabled"] = "true",
            ["Refresh:UserStatsInterval"] = "00:00:01",
            ["Refresh:RoomStatsInterval"] = "00:00:01",
            ["Refresh:HourlyStatsInterval"] = "00:00:01",
        };
        // The class's other test refreshed these views too: only this test's runs count below.
        var eventsBefore = new Dictionary<ProjectedView, int>();
        var succeededBefore = new Dictionary<ProjectedView, long>();
        foreach (var view in ProjectedView.All)
        {
            eventsBefore[view] = (await RefreshHistory.EventsAsync(database, view)).Count;
            succeededBefore[view] = (await RefreshHistory.StatusAsync(database, view))?.SucceededCount ?? 0;
        }

        await TestMessages.AppendAsync(database, (9, "gina", "2025-11-23 09:00:00Z"));
        await using var first = new ProjectionsHost(database, broker, everySecond);
        await using var second = new ProjectionsHost(database, broker, everySecond);
        var skippedBefore = await SkippedAsync(first); // starts the first scheduler
        _ = second.Services; // and the second one right after: both fire at once
        foreach (var view in ProjectedView.All)
        {
            await RefreshHistory.SucceededAsync(database, view, succeededBefore[view] + 6);
        }

        var skipped = await SkippedAsync(first) - skippedBefore;
        await first.DisposeAsync();
        await second.DisposeAsync();

        var instances = new HashSet<string>();
        foreach (var view in ProjectedView.All)
        {
            var runs = Runs([.. (await RefreshHistory.EventsAsync(database, view)).Skip(eventsBefore[view])]);
            Assert.True(runs.Count >= 6, $"{view}: {runs.Count} runs");
            for (var i = 1; i < runs.Count; i++)
            {
                Assert.True(runs[i].Start >= runs[i - 1].End, $"{view}: run {i} started at {runs[i].Start:O} before run {i - 1} ended at {runs[i - 1].End:O}");
            }

            instances.UnionWith(runs.Select(r => r.Instance));
        }

        // They really competed: both refreshed, or one found the other refreshing and skipped.
        Assert.True(instances.Count == 2 || skipped > 0, $"{instances.Count} instance(s) refreshed, {skipped} skip(s)");
    }

    private static async Task<double> SkippedAsync(ProjectionsHost host)
    {
        var total = 0.0;
        foreach (var view in ProjectedView.All)
        {
            total += await host.MetricAsync("chat_projections_refresh_total", ("view", view.Name), ("outcome", "skipped")) ?? 0;
        }

        return total;
    }

    // A run is a start followed by its end; anything else in a stream would be an overlap.
    private static List<(DateTimeOffset Start, DateTimeOffset End, string Instance)> Runs(IReadOnlyList<(string Type, JsonElement Data)> events)
    {
        var runs = new List<(DateTimeOffset, DateTimeOffset, string)>();
        for (var i = 0; i < events.Count; i += 2)
        {
            Assert.Equal("view_refresh_started", events[i].Type);
            Assert.True(i + 1 < events.Count, "a run never ended");
            Assert.NotEqual("view_refresh_started", events[i + 1].Type);
            var end = events[i + 1].Data.TryGetProperty("finishedAt", out var finished) ? finished : events[i + 1].Data.GetProperty("failedAt");
            runs.Add((events[i].Data.GetProperty("startedAt").GetDateTimeOffset(), end.GetDateTimeOffset(),
                events[i].Data.GetProperty("instance").GetString()!));
        }

        return runs;
    }
}
