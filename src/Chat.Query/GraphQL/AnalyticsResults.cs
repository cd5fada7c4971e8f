using Chat.Query.Reads;

namespace Chat.Query.GraphQL;

/// <summary>The top users and the view they come from.</summary>
public sealed record TopUsers(IReadOnlyList<UserStats> Users);

/// <summary>The top rooms by one ranking.</summary>
public sealed record TopRooms(RoomRanking RankedBy, IReadOnlyList<RoomStats> Rooms);

/// <summary>Hourly activity over a range.</summary>
public sealed record HourlyActivitySeries(DateTimeOffset Since, DateTimeOffset Until, IReadOnlyList<HourlyActivity> Hours);
