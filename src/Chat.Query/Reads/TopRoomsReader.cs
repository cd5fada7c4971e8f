using System.ComponentModel;

namespace Chat.Query.Reads;

/// <summary>The rooms ranked by messages, unique users or last activity, from the room_stats view.</summary>
public sealed class TopRoomsReader(ReadDatabase database)
{
    private const string Columns = "room_id, message_count, unique_users, first_message, last_activity";

    // One statement per ranking, each the head of its own index (ix_room_stats_top_messages,
    // ix_room_stats_top_users, ix_room_stats_last_activity); ties break on room_id.
    internal const string ByMessagesSql = $"SELECT {Columns} FROM room_stats ORDER BY message_count DESC, room_id LIMIT $1";
    internal const string ByUniqueUsersSql = $"SELECT {Columns} FROM room_stats ORDER BY unique_users DESC, room_id LIMIT $1";
    internal const string ByLastActivitySql = $"SELECT {Columns} FROM room_stats ORDER BY last_activity DESC, room_id LIMIT $1";

    public Task<IReadOnlyList<RoomStats>> ReadAsync(RoomRanking ranking, int first, CancellationToken cancellationToken)
    {
        var sql = ranking switch
        {
            RoomRanking.Messages => ByMessagesSql,
            RoomRanking.UniqueUsers => ByUniqueUsersSql,
            RoomRanking.LastActivity => ByLastActivitySql,
            _ => throw new ArgumentOutOfRangeException(nameof(ranking), ranking, null),
        };
        return database.ListAsync(sql,
            row => new RoomStats(row.GetInt32(0), row.GetInt64(1), row.GetInt64(2),
                ReadDatabase.ReadTimestamp(row, 3), ReadDatabase.ReadTimestamp(row, 4)),
            cancellationToken, ReadDatabase.Parameter(first));
    }
}

/// <summary>How rooms are ranked.</summary>
public enum RoomRanking
{
    [Description("Most messages first.")]
    Messages,

    [Description("Most distinct users first.")]
    UniqueUsers,

    [Description("Most recently active first.")]
    LastActivity,
}

/// <summary>One row of room_stats.</summary>
public sealed record RoomStats(int RoomId, long MessageCount, long UniqueUsers,
    DateTimeOffset FirstMessageAt, DateTimeOffset LastActivityAt);
