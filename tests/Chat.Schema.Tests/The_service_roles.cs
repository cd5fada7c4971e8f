namespace Chat.Schema.Tests;

public sealed class The_service_roles(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Theory]
    [InlineData("INSERT INTO messages (message_id, room_id, user_id, content, message_type, \"timestamp\") VALUES ('q1', 1, 'u', 'c', 'TEXT', now())")]
    [InlineData("UPDATE messages SET content = 'changed'")]
    [InlineData("DELETE FROM messages")]
    [InlineData("TRUNCATE messages")]
    [InlineData("DELETE FROM rejected_messages")]
    [InlineData("REFRESH MATERIALIZED VIEW user_stats")]
    [InlineData("CREATE TABLE mine (id int)")]
    public async Task The_query_role_cannot_write(string statement)
    {
        var error = await SchemaCatalog.FailsAsync(database, DatabaseRole.Query, statement);

        // 42501: insufficient privilege; 25006: read-only transaction (the role's default).
        Assert.True(error.SqlState is "42501" or "25006", $"{error.SqlState}: {error.MessageText}");
    }

    [Fact]
    public async Task The_query_role_reads_the_log_and_the_views()
    {
        await database.ExecuteAsync("""
            SELECT count(*) FROM messages;
            SELECT count(*) FROM rejected_messages;
            SELECT count(*) FROM user_stats;
            SELECT count(*) FROM room_stats;
            SELECT count(*) FROM hourly_stats;
            """, DatabaseRole.Query);
    }

    [Theory]
    [InlineData("UPDATE messages SET content = 'changed'")]
    [InlineData("DELETE FROM messages")]
    [InlineData("REFRESH MATERIALIZED VIEW user_stats")]
    [InlineData("DROP TABLE messages")]
    public async Task The_ingest_role_can_only_append(string statement)
    {
        var error = await SchemaCatalog.FailsAsync(database, DatabaseRole.Ingest, statement);

        Assert.Equal("42501", error.SqlState);
    }

    [Fact]
    public async Task The_ingest_role_appends_through_a_temporary_staging_table()
    {
        await database.ExecuteAsync("""
            CREATE TEMP TABLE staging (LIKE messages INCLUDING DEFAULTS) ON COMMIT DROP;
            INSERT INTO staging (message_id, room_id, user_id, content, message_type, "timestamp")
            VALUES ('s1', 2, 'u', 'c', 'TEXT', now());
            INSERT INTO messages SELECT * FROM staging ON CONFLICT (message_id) DO NOTHING;
            """, DatabaseRole.Ingest);

        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM messages WHERE message_id = 's1'"));
    }

    [Theory]
    [InlineData("INSERT INTO messages (message_id, room_id, user_id, content, message_type, \"timestamp\") VALUES ('p1', 1, 'u', 'c', 'TEXT', now())")]
    [InlineData("DELETE FROM messages")]
    public async Task The_projections_role_cannot_write_the_log(string statement)
    {
        var error = await SchemaCatalog.FailsAsync(database, DatabaseRole.Projections, statement);

        Assert.Equal("42501", error.SqlState);
    }

    [Fact]
    public async Task No_service_role_is_a_superuser()
    {
        Assert.Equal(0L, await database.ScalarAsync<long>(
            "SELECT count(*) FROM pg_roles WHERE rolname LIKE 'chat\\_%' AND (rolsuper OR rolcreaterole OR rolcreatedb OR rolbypassrls)"));
    }
}
