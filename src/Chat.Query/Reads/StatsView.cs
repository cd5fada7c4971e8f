namespace Chat.Query.Reads;

/// <summary>The analytics views Chat.Projections refreshes; the name is the status document's id.</summary>
public enum StatsView
{
    UserStats,
    RoomStats,
    HourlyStats,
}

public static class StatsViewNames
{
    public static string ViewName(this StatsView view) => view switch
    {
        StatsView.UserStats => "user_stats",
        StatsView.RoomStats => "room_stats",
        StatsView.HourlyStats => "hourly_stats",
        _ => throw new ArgumentOutOfRangeException(nameof(view), view, null),
    };
}
