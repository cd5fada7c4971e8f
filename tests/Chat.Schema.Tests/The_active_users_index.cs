namespace Chat.Schema.Tests;

public sealed class The_active_users_index(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Covers_timestamp_and_user()
    {
        Assert.EndsWith("ON public.messages USING btree (\"timestamp\", user_id)",
            await SchemaCatalog.IndexDefinitionAsync(database, "idx_messages_time_user"));
    }

    [Fact]
    public async Task Counts_the_users_of_a_window_without_reading_the_table()
    {
        await database.ExecuteAsync("""
            INSERT INTO messages (message_id, room_id, user_id, username, content, message_type, "timestamp")
            SELECT 'a' || i, 1 + i % 20, 'u' || i % 5000, 'user' || i % 5000, 'hello ' || i, 'TEXT',
                   timestamptz '2025-11-01' + i * interval '1 second'
            FROM generate_series(1, 100000) i
            """);
        await database.ExecuteAsync("VACUUM ANALYZE messages");

        // The read side's activeUsers statement (Chat.Query ActiveUsersReader) over a 6-hour window.
        var plan = await database.ColumnAsync<string>("""
            EXPLAIN (FORMAT TEXT, COSTS OFF)
            SELECT count(*), coalesce(sum(posted), 0)::bigint
            FROM (SELECT user_id, count(*) AS posted FROM messages
                  WHERE "timestamp" >= timestamptz '2025-11-01 06:00Z' AND "timestamp" < timestamptz '2025-11-01 12:00Z'
                  GROUP BY user_id) AS active
            """);

        Assert.Contains(plan, line => line.Contains("Index Only Scan using idx_messages_time_user", StringComparison.Ordinal));
    }
}
