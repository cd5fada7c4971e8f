namespace Chat.Query.Reads;

/// <summary>The whole log in a few numbers, from the room_stats and user_stats views.</summary>
public sealed class TotalsReader(ReadDatabase database)
{
    // room_stats has one row per room (a few dozen); user_stats one per user, counted through
    // its unique index.
    internal const string Sql = """
        SELECT (SELECT coalesce(sum(message_count), 0)::bigint FROM room_stats),
               (SELECT count(*) FROM room_stats),
               (SELECT count(*) FROM user_stats),
               (SELECT min(first_message) FROM room_stats),
               (SELECT max(last_activity) FROM room_stats)
        """;

    public async Task<Totals> ReadAsync(CancellationToken cancellationToken) =>
        (await database.SingleOrDefaultAsync(Sql,
            row => new Totals(row.GetInt64(0), row.GetInt64(1), row.GetInt64(2),
                ReadDatabase.ReadNullableTimestamp(row, 3), ReadDatabase.ReadNullableTimestamp(row, 4)),
            cancellationToken))!;
}

/// <summary>Totals over the whole log, as of the views' last refresh.</summary>
public sealed record Totals(long Messages, long Rooms, long Users, DateTimeOffset? FirstMessageAt, DateTimeOffset? LastMessageAt);
