namespace Chat.Query.Reads;

/// <summary>The rooms a user posted in, with how much and when, most recently active first.</summary>
public sealed class UserRoomsReader(ReadDatabase database)
{
    // An index-only scan of idx_messages_user_room (user_id, room_id, "timestamp" DESC): the
    // user's entries arrive grouped by room, so the aggregate needs no sort before grouping.
    internal const string Sql = """
        SELECT room_id, count(*), min("timestamp"), max("timestamp")
        FROM messages
        WHERE user_id = $1
        GROUP BY room_id
        ORDER BY max("timestamp") DESC, room_id
        """;

    public Task<IReadOnlyList<UserRoom>> ReadAsync(string userId, CancellationToken cancellationToken) =>
        database.ListAsync(Sql,
            row => new UserRoom(row.GetInt32(0), row.GetInt64(1), ReadDatabase.ReadTimestamp(row, 2), ReadDatabase.ReadTimestamp(row, 3)),
            cancellationToken, ReadDatabase.Parameter(userId));
}

/// <summary>One room a user posted in.</summary>
public sealed record UserRoom(int RoomId, long MessageCount, DateTimeOffset FirstMessageAt, DateTimeOffset LastMessageAt);
