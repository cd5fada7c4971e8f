namespace Chat.Query.Reads;

/// <summary>Messages, users and rooms per UTC hour over a range, from the hourly_stats view.</summary>
public sealed class HourlyActivityReader(ReadDatabase database)
{
    // A range scan of ux_hourly_stats_hour; the hour that contains $1 is included.
    internal const string Sql = """
        SELECT hour, message_count, unique_users, active_rooms
        FROM hourly_stats
        WHERE hour >= date_trunc('hour', $1::timestamptz, 'UTC') AND hour < $2
        ORDER BY hour
        """;

    public Task<IReadOnlyList<HourlyActivity>> ReadAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken) =>
        database.ListAsync(Sql,
            row => new HourlyActivity(ReadDatabase.ReadTimestamp(row, 0), row.GetInt64(1), row.GetInt64(2), row.GetInt64(3)),
            cancellationToken, ReadDatabase.Timestamp(since), ReadDatabase.Timestamp(until));
}

/// <summary>One row of hourly_stats.</summary>
public sealed record HourlyActivity(DateTimeOffset Hour, long MessageCount, long UniqueUsers, long ActiveRooms);
