using Npgsql;

namespace Chat.Projections.Tests;

public sealed class A_concurrent_refresh(PostgresDatabase database, RabbitMqVirtualHost broker)
    : IClassFixture<PostgresDatabase>, IClassFixture<RabbitMqVirtualHost>
{
    [Fact]
    public async Task Completes_while_a_reader_holds_a_long_transaction_on_the_view()
    {
        await TestMessages.AppendAsync(database, (1, "dave", "2025-11-22 10:00:00Z"));
        await using var host = new ProjectionsHost(database, broker);
        await host.Refresher.RefreshAsync(ProjectedView.RoomStats, CancellationToken.None);
        await TestMessages.AppendAsync(database, (2, "erin", "2025-11-22 11:00:00Z"));

        // A reporting query: a repeatable-read transaction that read the view and is still busy.
        await using var reader = await OpenReaderAsync(DatabaseRole.Query);
        await using var transaction = await reader.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead);
        var roomsBefore = await ScalarAsync<long>(reader, "SELECT count(*) FROM room_stats");
        var longQuery = ScalarAsync<object>(reader, "SELECT pg_sleep(6)");

        var refresh = await host.Refresher.RefreshAsync(ProjectedView.RoomStats, CancellationToken.None);

        Assert.Equal(RefreshResult.Succeeded, refresh.Result);
        Assert.False(longQuery.IsCompleted, "the refresh waited for the reader's transaction");
        await longQuery;
        Assert.Equal(roomsBefore, await ScalarAsync<long>(reader, "SELECT count(*) FROM room_stats")); // its snapshot holds
        await transaction.CommitAsync();
        Assert.Equal(roomsBefore + 1, await ScalarAsync<long>(reader, "SELECT count(*) FROM room_stats"));
    }

    [Fact]
    public async Task Does_not_block_readers_of_the_view_while_it_runs()
    {
        await TestMessages.AppendAsync(database, (5, "frank", "2025-11-22 12:00:00Z"));
        await using var host = new ProjectionsHost(database, broker);
        await using var reader = await OpenReaderAsync(DatabaseRole.Query);
        await ExecuteAsync(reader, "SET statement_timeout = '2s'"); // a blocked read fails instead of waiting

        Task<RefreshOutcome> refresh;
        var answered = 0;
        await using (await LockedMessages.HoldAsync(database))
        {
            refresh = host.Refresher.RefreshAsync(ProjectedView.RoomStats, CancellationToken.None);
            await LockedMessages.RefreshWaitingAsync(database, ProjectedView.RoomStats);
            for (var i = 0; i < 10; i++)
            {
                await ScalarAsync<long>(reader, "SELECT coalesce(sum(message_count), 0)::bigint FROM room_stats");
                answered++;
            }

            Assert.False(refresh.IsCompleted);
        }

        Assert.Equal(10, answered);
        Assert.Equal(RefreshResult.Succeeded, (await refresh).Result);
    }

    [Fact]
    public async Task Is_needed_because_a_plain_refresh_blocks_readers_of_the_view()
    {
        await using var projections = await OpenReaderAsync(DatabaseRole.Projections);
        await using var reader = await OpenReaderAsync(DatabaseRole.Query);
        await ExecuteAsync(reader, "SET statement_timeout = '1s'");

        Task plain;
        await using (await LockedMessages.HoldAsync(database))
        {
            plain = ExecuteAsync(projections, "REFRESH MATERIALIZED VIEW room_stats");
            await Eventually.TrueAsync(
                async () => await database.ScalarAsync<long>(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query = 'REFRESH MATERIALIZED VIEW room_stats'") > 0,
                "the plain refresh to hold the view and wait for the messages table");

            var blocked = await Assert.ThrowsAsync<PostgresException>(() => ScalarAsync<long>(reader, "SELECT count(*) FROM room_stats"));
            Assert.Equal(PostgresErrorCodes.QueryCanceled, blocked.SqlState);
        }

        await plain;
    }

    private async Task<NpgsqlConnection> OpenReaderAsync(DatabaseRole role)
    {
        var connection = new NpgsqlConnection(database.ConnectionString(role));
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
