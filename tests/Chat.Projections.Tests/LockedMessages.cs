using Npgsql;

namespace Chat.Projections.Tests;

/// <summary>
/// Holds an ACCESS EXCLUSIVE lock on the messages table until disposed. A refresh then waits on
/// the table (having already taken its own lock on the view), which keeps it running for as long
/// as a test needs; readers of the views do not touch the table and are not held up by this.
/// </summary>
public sealed class LockedMessages : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;

    private LockedMessages(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    public static async Task<LockedMessages> HoldAsync(PostgresDatabase database)
    {
        var connection = new NpgsqlConnection(database.ConnectionString());
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand("LOCK TABLE messages IN ACCESS EXCLUSIVE MODE", connection, transaction);
        await command.ExecuteNonQueryAsync();
        return new LockedMessages(connection, transaction);
    }

    /// <summary>Waits until a refresh of the view is waiting for this lock.</summary>
    public static Task RefreshWaitingAsync(PostgresDatabase database, ProjectedView view) =>
        Eventually.TrueAsync(
            async () => await database.ScalarAsync<long>(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE $1",
                $"REFRESH MATERIALIZED VIEW CONCURRENTLY %{view.Name}%") > 0,
            $"a refresh of {view} waiting for the messages table");

    public async ValueTask DisposeAsync()
    {
        await _transaction.CommitAsync();
        await _connection.DisposeAsync();
    }
}
