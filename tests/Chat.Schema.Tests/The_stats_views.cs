namespace Chat.Schema.Tests;

public sealed class The_stats_views(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Theory]
    [InlineData("ux_user_stats_user", "CREATE UNIQUE INDEX ux_user_stats_user ON public.user_stats USING btree (user_id)")]
    [InlineData("ux_room_stats_room", "CREATE UNIQUE INDEX ux_room_stats_room ON public.room_stats USING btree (room_id)")]
    [InlineData("ux_hourly_stats_hour", "CREATE UNIQUE INDEX ux_hourly_stats_hour ON public.hourly_stats USING btree (hour)")]
    [InlineData("ix_user_stats_top", "CREATE INDEX ix_user_stats_top ON public.user_stats USING btree (message_count DESC, user_id)")]
    [InlineData("ix_room_stats_top_messages", "CREATE INDEX ix_room_stats_top_messages ON public.room_stats USING btree (message_count DESC, room_id)")]
    [InlineData("ix_room_stats_top_users", "CREATE INDEX ix_room_stats_top_users ON public.room_stats USING btree (unique_users DESC, room_id)")]
    [InlineData("ix_room_stats_last_activity", "CREATE INDEX ix_room_stats_last_activity ON public.room_stats USING btree (last_activity DESC, room_id)")]
    public async Task Each_has_its_unique_and_ordering_indexes(string index, string definition)
    {
        Assert.Equal(definition, await SchemaCatalog.IndexDefinitionAsync(database, index));
    }

    [Theory]
    [InlineData("user_stats")]
    [InlineData("room_stats")]
    [InlineData("hourly_stats")]
    public async Task Each_is_owned_by_the_projections_role(string view)
    {
        Assert.Equal("chat_projections", await database.ScalarAsync<string>(
            "SELECT matviewowner::text FROM pg_matviews WHERE matviewname = $1", view));
    }

    [Fact]
    public async Task Each_refreshes_concurrently_and_then_shows_the_new_messages()
    {
        await database.ExecuteAsync("""
            INSERT INTO messages (message_id, room_id, user_id, content, message_type, "timestamp") VALUES
              ('v1', 3, 'alice', 'hi',    'TEXT', '2025-11-20 21:10:00Z'),
              ('v2', 3, 'bob',   'hello', 'TEXT', '2025-11-20 21:40:00Z'),
              ('v3', 4, 'alice', 'yo',    'JOIN', '2025-11-20 22:05:00Z')
            """, DatabaseRole.Ingest);

        await database.ExecuteAsync("""
            REFRESH MATERIALIZED VIEW CONCURRENTLY user_stats;
            REFRESH MATERIALIZED VIEW CONCURRENTLY room_stats;
            REFRESH MATERIALIZED VIEW CONCURRENTLY hourly_stats;
            """, DatabaseRole.Projections);

        Assert.Equal(2L, await database.ScalarAsync<long>("SELECT message_count FROM user_stats WHERE user_id = 'alice'"));
        Assert.Equal(2L, await database.ScalarAsync<long>("SELECT rooms_participated FROM user_stats WHERE user_id = 'alice'"));
        Assert.Equal(2L, await database.ScalarAsync<long>("SELECT unique_users FROM room_stats WHERE room_id = 3"));
        Assert.Equal(2L, await database.ScalarAsync<long>(
            "SELECT message_count FROM hourly_stats WHERE hour = timestamptz '2025-11-20 21:00Z'"));
    }

    [Fact]
    public async Task Hours_are_utc_whatever_the_session_time_zone()
    {
        await database.ExecuteAsync("""
            INSERT INTO messages (message_id, room_id, user_id, content, message_type, "timestamp")
            VALUES ('tz1', 9, 'carol', 'hi', 'TEXT', '2025-06-01 10:30:00Z')
            """, DatabaseRole.Ingest);

        await database.ExecuteAsync("""
            SET TIME ZONE 'Asia/Kolkata';
            REFRESH MATERIALIZED VIEW CONCURRENTLY hourly_stats;
            """, DatabaseRole.Projections);

        Assert.Equal(1L, await database.ScalarAsync<long>(
            "SELECT count(*) FROM hourly_stats WHERE hour = timestamptz '2025-06-01 10:00Z'"));
    }
}
