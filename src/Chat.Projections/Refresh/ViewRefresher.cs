using Chat.Projections.Options;
using Chat.Projections.Status;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Chat.Projections.Refresh;

/// <summary>
/// Refreshes one view, the one way every job and request does it: under the view's advisory lock
/// (so two instances never refresh a view at once), in its own committed transaction with a
/// statement timeout, with REFRESH MATERIALIZED VIEW CONCURRENTLY (readers are never blocked).
/// Every refresh is recorded; a failure is recorded and left to the next run.
/// </summary>
public sealed class ViewRefresher(
    NpgsqlDataSource dataSource,
    RefreshRecorder recorder,
    IOptionsMonitor<RefreshOptions> options,
    TimeProvider time,
    ILogger<ViewRefresher> logger)
{
    /// <summary>First key of this service's advisory locks; the second is hashtext(view name).</summary>
    public const int AdvisoryLockNamespace = 0x43485052; // "CHPR"

    public async Task<RefreshOutcome> RefreshAsync(ProjectedView view, CancellationToken cancellationToken)
    {
        var startedAt = time.GetUtcNow();
        NpgsqlConnection? connection = null;
        var locked = false;
        try
        {
            connection = await dataSource.OpenConnectionAsync(cancellationToken);
            // A session lock, not a transaction one: it stays held until the outcome is recorded, so
            // one view's stream never interleaves the events of two instances.
            locked = await TryLockAsync(connection, view, cancellationToken);
            if (!locked)
            {
                var skipped = new RefreshOutcome(view, RefreshResult.Skipped, startedAt, time.GetUtcNow());
                RefreshMetrics.Count(skipped);
                logger.LogInformation("Skipped refreshing {View}: another instance is refreshing it", view.Name);
                return skipped;
            }

            // The run starts once it holds the lock, so the recorded runs of a view never overlap
            // (the time taken before it includes waiting for the connection and the lock).
            startedAt = time.GetUtcNow();
            await recorder.StartedAsync(view, startedAt);
            var (dataAsOf, rows) = await RefreshLockedAsync(connection, view, cancellationToken);
            var succeeded = new RefreshOutcome(view, RefreshResult.Succeeded, startedAt, time.GetUtcNow(), dataAsOf, rows);
            await recorder.SucceededAsync(succeeded);
            RefreshMetrics.Count(succeeded);
            RefreshMetrics.Duration.WithLabels(view.Name).Observe(succeeded.Duration.TotalSeconds);
            RefreshMetrics.Rows.WithLabels(view.Name).Set(rows);
            logger.LogInformation("Refreshed {View}: {Rows} rows in {DurationMs:F0} ms, data as of {DataAsOf:O}",
                view.Name, rows, succeeded.Duration.TotalMilliseconds, dataAsOf);
            return succeeded;
        }
        catch (Exception e) // whatever stops a refresh (database away, timeout, the host stopping) is its failure
        {
            var failed = new RefreshOutcome(view, RefreshResult.Failed, startedAt, time.GetUtcNow(), Error: Describe(e));
            await recorder.FailedAsync(failed);
            RefreshMetrics.Count(failed);
            logger.LogError(e, "Refreshing {View} failed after {DurationMs:F0} ms; the next run tries again",
                view.Name, failed.Duration.TotalMilliseconds);
            return failed;
        }
        finally
        {
            if (connection is not null)
            {
                if (locked)
                {
                    await UnlockAsync(connection, view);
                }

                await connection.DisposeAsync();
            }
        }
    }

    private static async Task<bool> TryLockAsync(NpgsqlConnection connection, ProjectedView view, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock($1, hashtext($2))", connection);
        command.Parameters.AddWithValue(AdvisoryLockNamespace);
        command.Parameters.AddWithValue(view.Name);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    // Best effort: a broken connection has lost the lock already, and closing it ends the session.
    private async Task UnlockAsync(NpgsqlConnection connection, ProjectedView view)
    {
        if (connection.FullState != System.Data.ConnectionState.Open)
        {
            return;
        }

        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock($1, hashtext($2))", connection);
            command.Parameters.AddWithValue(AdvisoryLockNamespace);
            command.Parameters.AddWithValue(view.Name);
            await command.ExecuteScalarAsync(CancellationToken.None);
        }
        catch (NpgsqlException e)
        {
            logger.LogWarning(e, "Could not release the refresh lock of {View}; closing the connection releases it", view.Name);
        }
    }

    private async Task<(DateTimeOffset DataAsOf, long Rows)> RefreshLockedAsync(
        NpgsqlConnection connection, ProjectedView view, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("SELECT set_config('statement_timeout', $1, true)")
                {
                    Parameters = { new() { Value = $"{(long)Math.Ceiling(options.CurrentValue.StatementTimeout.TotalMilliseconds)}ms" } },
                },
                new NpgsqlBatchCommand($"REFRESH MATERIALIZED VIEW CONCURRENTLY {view.QualifiedIdentifier}"),
                new NpgsqlBatchCommand($"SELECT count(*) FROM {view.QualifiedIdentifier}"),
            },
        };

        // Taken before the statement is sent, so it is never later than the refresh's snapshot.
        var dataAsOf = time.GetUtcNow();
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            // The reader starts on set_config's result; REFRESH has none, so the next one is the count.
            await reader.NextResultAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var rows = reader.GetInt64(0);
            await reader.CloseAsync();
            await transaction.CommitAsync(cancellationToken);
            return (dataAsOf, rows);
        }
    }

    private static string Describe(Exception error) => error switch
    {
        PostgresException postgres => $"{postgres.SqlState}: {postgres.MessageText}",
        OperationCanceledException => "cancelled: the service is stopping",
        _ => $"{error.GetType().Name}: {error.Message}",
    };
}
