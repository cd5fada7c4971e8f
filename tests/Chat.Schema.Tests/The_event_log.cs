namespace Chat.Schema.Tests;

public sealed class The_event_log(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Theory]
    [InlineData("messages_pkey", "USING btree (message_id)")]
    [InlineData("idx_messages_room_time", "USING btree (room_id, \"timestamp\" DESC, message_id DESC) INCLUDE (user_id, username, message_type, content)")]
    [InlineData("idx_messages_user_time", "USING btree (user_id, \"timestamp\" DESC, message_id DESC) INCLUDE (room_id, username, message_type, content)")]
    [InlineData("idx_messages_timestamp_brin", "USING brin (\"timestamp\")")]
    [InlineData("idx_messages_user_room", "USING btree (user_id, room_id, \"timestamp\" DESC)")]
    public async Task Has_its_primary_key_and_four_secondary_indexes(string index, string definition)
    {
        var actual = await SchemaCatalog.IndexDefinitionAsync(database, index);

        Assert.NotNull(actual);
        Assert.EndsWith($"ON public.messages {definition}", actual);
    }

    [Fact]
    public async Task A_room_timeline_page_is_read_from_the_covering_index_alone()
    {
        await database.ExecuteAsync("""
            INSERT INTO messages (message_id, room_id, user_id, username, content, message_type, "timestamp")
            SELECT 'm' || i, 1 + i % 20, 'u' || i % 500, 'user' || i % 500, 'hello ' || i, 'TEXT',
                   timestamptz '2025-11-01' + i * interval '1 second'
            FROM generate_series(1, 20000) i
            """);
        await database.ExecuteAsync("VACUUM ANALYZE messages");

        var plan = await database.ColumnAsync<string>("""
            EXPLAIN (FORMAT TEXT, COSTS OFF)
            SELECT message_id, user_id, username, message_type, content, "timestamp"
            FROM messages
            WHERE room_id = 7 AND ("timestamp", message_id) < (timestamptz '2025-11-01 03:00Z', 'm9999')
            ORDER BY "timestamp" DESC, message_id DESC
            LIMIT 50
            """);

        Assert.Contains(plan, line => line.Contains("Index Only Scan using idx_messages_room_time", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, line => line.Contains("Sort", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Refuses_content_that_could_not_be_indexed()
    {
        var error = await SchemaCatalog.FailsAsync(database, DatabaseRole.Ingest, """
            INSERT INTO messages (message_id, room_id, user_id, content, message_type, "timestamp")
            VALUES ('too-long', 1, 'u1', repeat('x', 2001), 'TEXT', now())
            """);

        Assert.Equal("messages_content_indexable", error.ConstraintName);
    }

    [Fact]
    public async Task Refuses_a_room_id_below_one()
    {
        var error = await SchemaCatalog.FailsAsync(database, DatabaseRole.Ingest, """
            INSERT INTO messages (message_id, room_id, user_id, content, message_type, "timestamp")
            VALUES ('room-zero', 0, 'u1', 'hi', 'TEXT', now())
            """);

        Assert.Equal("messages_room_id_positive", error.ConstraintName);
    }

    [Fact]
    public async Task Records_a_rejected_payload_once()
    {
        const string insert = """
            INSERT INTO rejected_messages (payload, payload_sha256, reason, detail, exchange, routing_key, received_at)
            VALUES ('\x7b6e6f'::bytea, sha256('\x7b6e6f'::bytea), 'invalid_json', 'not JSON', 'chat.exchange', 'room.1', now())
            ON CONFLICT (payload_sha256) DO NOTHING
            """;

        await database.ExecuteAsync(insert, DatabaseRole.Ingest);
        await database.ExecuteAsync(insert, DatabaseRole.Ingest);

        Assert.Equal(1L, await database.ScalarAsync<long>(
            "SELECT count(*) FROM rejected_messages WHERE payload = '\\x7b6e6f'::bytea"));
    }
}
