namespace Chat.Schema.Tests;

/// <summary>
/// A database as the system we replace left it (its schema from its design report, with rows),
/// brought to the current version by the migrator.
/// </summary>
public sealed class Migrating_a_database_of_the_old_system(Migrating_a_database_of_the_old_system.OldDatabase database)
    : IClassFixture<Migrating_a_database_of_the_old_system.OldDatabase>
{
    [Fact]
    public async Task Keeps_every_old_row_as_it_was()
    {
        Assert.Equal(3L, await database.ScalarAsync<long>("SELECT count(*) FROM messages WHERE message_id LIKE 'old-%'"));
        Assert.Equal("hello there", await database.ScalarAsync<string>("SELECT content FROM messages WHERE message_id = 'old-1'"));
        Assert.Equal(7, await database.ScalarAsync<int>("SELECT room_id FROM messages WHERE message_id = 'old-1'"));
    }

    [Fact]
    public async Task Adds_the_columns_the_old_consumer_threw_away()
    {
        Assert.Equal(1L, await database.ScalarAsync<long>(
            "SELECT count(*) FROM messages WHERE message_id = 'old-1' AND username IS NULL AND message_type IS NULL AND server_id IS NULL AND client_ip IS NULL"));
    }

    [Fact]
    public async Task Fills_the_created_at_the_old_table_left_empty()
    {
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM messages WHERE created_at IS NULL"));
        Assert.Equal("NO", await database.ScalarAsync<string>(
            "SELECT is_nullable FROM information_schema.columns WHERE table_name = 'messages' AND column_name = 'created_at'"));
    }

    [Fact]
    public async Task Replaces_the_old_indexes_with_the_current_ones()
    {
        var definition = await SchemaCatalog.IndexDefinitionAsync(database, "idx_messages_room_time");

        Assert.Contains("(room_id, \"timestamp\" DESC, message_id DESC)", definition);
    }

    [Fact]
    public async Task Rebuilds_the_views_with_the_old_rows_in_them()
    {
        Assert.Equal(2L, await database.ScalarAsync<long>("SELECT message_count FROM room_stats WHERE room_id = 7"));
        Assert.Equal("chat_projections", await database.ScalarAsync<string>(
            "SELECT matviewowner::text FROM pg_matviews WHERE matviewname = 'room_stats'"));
    }

    [Fact]
    public async Task Then_takes_new_rows_with_every_field()
    {
        await database.ExecuteAsync("""
            INSERT INTO messages (message_id, room_id, user_id, username, content, message_type, "timestamp", server_id, client_ip)
            VALUES ('new-1', 7, '12345', 'user12345', 'hi', 'TEXT', now(), 'chat-host-1', '/127.0.0.1:51234')
            """, DatabaseRole.Ingest);

        Assert.Equal("user12345", await database.ScalarAsync<string>("SELECT username FROM messages WHERE message_id = 'new-1'"));
    }

    public sealed class OldDatabase : PostgresDatabase
    {
        // The schema of the system we replace, as its design report gives it.
        protected override Task BeforeMigrationAsync() => ExecuteAsync("""
            CREATE TABLE messages (
                message_id    VARCHAR(64) PRIMARY KEY,
                room_id       INTEGER NOT NULL,
                user_id       VARCHAR(64) NOT NULL,
                content       TEXT NOT NULL,
                timestamp     TIMESTAMPTZ NOT NULL,
                created_at    TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP
            );
            CREATE INDEX idx_messages_room_time ON messages(room_id, timestamp DESC) INCLUDE (user_id, content);
            CREATE INDEX idx_messages_user_time ON messages(user_id, timestamp DESC) INCLUDE (room_id, content);
            CREATE INDEX idx_messages_timestamp_brin ON messages USING BRIN(timestamp);
            CREATE INDEX idx_messages_user_room ON messages(user_id, room_id, timestamp DESC);
            CREATE MATERIALIZED VIEW room_stats AS
            SELECT room_id, COUNT(*) as message_count, COUNT(DISTINCT user_id) as unique_users,
                   MIN(timestamp) as first_message, MAX(timestamp) as last_activity
            FROM messages GROUP BY room_id;
            INSERT INTO messages (message_id, room_id, user_id, content, timestamp, created_at) VALUES
                ('old-1', 7, '12345', 'hello there', '2025-11-20 21:10:55Z', '2025-11-20 21:10:56Z'),
                ('old-2', 7, '777', 'second', '2025-11-20 21:11:00Z', NULL),
                ('old-3', 1, 'user_234', 'Load test message 41234', '2025-11-20 21:12:00Z', DEFAULT);
            """);
    }
}
