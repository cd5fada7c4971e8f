using Chat.Projections.Jobs;
using Chat.Projections.Options;
using Chat.Projections.Refresh;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

namespace Chat.Projections.Extensions;

public static class RefreshJobsExtensions
{
    /// <summary>
    /// The in-process Quartz scheduler with one job per view, each on its own interval (Refresh
    /// section), and the refresher they share.
    /// </summary>
    public static TBuilder AddChatRefreshJobs<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<RefreshOptions>().BindConfiguration(RefreshOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(RefreshOptions.Section).Get<RefreshOptions>() ?? new RefreshOptions();

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ViewRefresher>();
        builder.Services.AddSingleton<RefreshRequests>();

        builder.Services.AddQuartz(quartz =>
        {
            // The scheduler keeps real time even where the service's clock is replaced (tests).
            quartz.UseTimeProvider(TimeProvider.System);
            AddJob<RefreshUserStatsJob>(quartz, ProjectedView.UserStats, options);
            AddJob<RefreshRoomStatsJob>(quartz, ProjectedView.RoomStats, options);
            AddJob<RefreshHourlyStatsJob>(quartz, ProjectedView.HourlyStats, options);
        });
        builder.Services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        return builder;
    }

    private static void AddJob<TJob>(IQuartzBuilder quartz, ProjectedView view, RefreshOptions options)
        where TJob : RefreshViewJob
    {
        var key = RefreshViewJob.KeyOf(view);
        quartz.AddJob<TJob>(job => job.WithIdentity(key).StoreDurably());
        if (!options.ScheduleEnabled)
        {
            return;
        }

        // Runs at start, then every interval. A run that overruns its interval, or fires missed while
        // the scheduler was busy, is made up by one run now, never by a burst of catch-up runs. The
        // store is in memory, so after downtime the service starts afresh: one run per view.
        quartz.AddTrigger(trigger => trigger
            .ForJob(key)
            .WithIdentity($"{view.Name}-schedule", RefreshViewJob.Group)
            .StartNow()
            .WithSchedule(SimpleScheduleBuilder.Create()
                .WithInterval(options.IntervalOf(view))
                .RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount)));
    }
}
