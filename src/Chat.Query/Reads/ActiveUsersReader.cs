namespace Chat.Query.Reads;

/// <summary>How many distinct users posted in a time window, and how many messages they posted.</summary>
public sealed class ActiveUsersReader(ReadDatabase database)
{
    // An index-only scan of idx_messages_time_user ("timestamp", user_id) over the window, then
    // one hash aggregate (count(DISTINCT) would sort instead). See schema/0006 and docs/perf/query.md.
    internal const string Sql = """
        SELECT count(*), coalesce(sum(posted), 0)::bigint
        FROM (
            SELECT user_id, count(*) AS posted
            FROM messages
            WHERE "timestamp" >= $1 AND "timestamp" < $2
            GROUP BY user_id
        ) AS active
        """;

    public async Task<ActiveUsers> ReadAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken) =>
        (await database.SingleOrDefaultAsync(Sql,
            row => new ActiveUsers(since, until, row.GetInt64(0), row.GetInt64(1)),
            cancellationToken, ReadDatabase.Timestamp(since), ReadDatabase.Timestamp(until)))!;
}

/// <summary>The users who posted in [Since, Until) and their messages.</summary>
public sealed record ActiveUsers(DateTimeOffset Since, DateTimeOffset Until, long Users, long Messages);
