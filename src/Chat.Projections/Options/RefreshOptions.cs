using System.ComponentModel.DataAnnotations;
using Chat.Projections.Refresh;

namespace Chat.Projections.Options;

/// <summary>When and how the views are refreshed, bound from the "Refresh" section (env: Refresh__...).</summary>
public sealed class RefreshOptions
{
    public const string Section = "Refresh";

    /// <summary>
    /// False leaves the jobs unscheduled: views are refreshed only on request (an instance kept for
    /// on-demand refreshes, or a test that drives every run itself).
    /// </summary>
    public bool ScheduleEnabled { get; set; } = true;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan UserStatsInterval { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RoomStatsInterval { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan HourlyStatsInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>statement_timeout of each refresh transaction: a refresh running longer is cancelled and recorded as failed.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan StatementTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The queue on-demand RefreshProjections commands are sent to; instances compete for them.</summary>
    [Required]
    public string RequestQueue { get; set; } = "chat-projections-refresh";

    /// <summary>How often the staleness and row gauges are brought up to date.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan StalenessSampleInterval { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan IntervalOf(ProjectedView view) =>
        view == ProjectedView.UserStats ? UserStatsInterval
        : view == ProjectedView.RoomStats ? RoomStatsInterval
        : view == ProjectedView.HourlyStats ? HourlyStatsInterval
        : throw new ArgumentOutOfRangeException(nameof(view), view, "Not a projected view.");
}
