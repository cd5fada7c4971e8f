namespace Chat.Projections.Refresh;

/// <summary>One analytics view this service keeps fresh: a materialized view in schema public.</summary>
public sealed record ProjectedView
{
    private ProjectedView(string name) => Name = name;

    public static ProjectedView UserStats { get; } = new("user_stats");

    public static ProjectedView RoomStats { get; } = new("room_stats");

    public static ProjectedView HourlyStats { get; } = new("hourly_stats");

    public static IReadOnlyList<ProjectedView> All { get; } = [UserStats, RoomStats, HourlyStats];

    /// <summary>The view's name; also its event stream key and its status document id.</summary>
    public string Name { get; }

    /// <summary>
    /// The quoted identifier. Identifiers cannot be bound as parameters; only the three names above
    /// exist, so no outside text ever reaches SQL through this.
    /// </summary>
    public string QualifiedIdentifier => $"public.\"{Name}\"";

    public static ProjectedView? Find(string name) =>
        All.FirstOrDefault(v => string.Equals(v.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));

    public override string ToString() => Name;
}
