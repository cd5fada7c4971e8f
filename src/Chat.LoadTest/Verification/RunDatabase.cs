using Chat.LoadTest.Sampling;
using Npgsql;

namespace Chat.LoadTest.Verification;

/// <summary>
/// Reads what a run left in PostgreSQL, as the read-only chat_query role. A run's rows are the
/// message ids in [IdRangeStart, IdRangeEnd), one range scan of the primary key.
/// </summary>
public sealed class RunDatabase(NpgsqlDataSource dataSource)
{
    public async Task<RoomTally> StoredByRoomAsync(string idFrom, string idTo, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT room_id, count(*), coalesce(sum(octet_length(content)), 0)::bigint
            FROM messages
            WHERE message_id >= $1 AND message_id < $2
            GROUP BY room_id
            """);
        command.Parameters.AddWithValue(idFrom);
        command.Parameters.AddWithValue(idTo);
        command.CommandTimeout = 0;
        var tally = new RoomTally();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            tally.Add(reader.GetInt32(0), reader.GetInt64(1), reader.GetInt64(2));
        }

        return tally;
    }

    /// <summary>How many of this run's rows are stored (cheaper than by room, for watching the drain).</summary>
    public async Task<long> StoredCountAsync(string idFrom, string idTo, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM messages WHERE message_id >= $1 AND message_id < $2");
        command.Parameters.AddWithValue(idFrom);
        command.Parameters.AddWithValue(idTo);
        command.CommandTimeout = 0;
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Rows of rejected_messages holding one of the given payloads (by their sha256).</summary>
    public async Task<long> RejectedCountAsync(IReadOnlyCollection<byte[]> payloadHashes, CancellationToken cancellationToken)
    {
        if (payloadHashes.Count == 0)
        {
            return 0;
        }

        await using var command = dataSource.CreateCommand("SELECT count(*) FROM rejected_messages WHERE payload_sha256 = ANY($1)");
        command.Parameters.AddWithValue(payloadHashes.ToArray());
        command.CommandTimeout = 0;
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// End-to-end lag of this run's rows, exact: created_at − "timestamp" (microseconds), per
    /// second of created_at counted from <paramref name="runStart"/>, and over the whole run.
    /// created_at is now() of the ingest's transaction, its start rather than its commit, so
    /// these figures are low by at most one batch write.
    /// </summary>
    public async Task<StoredLag> LagAsync(string idFrom, string idTo, DateTimeOffset runStart, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT extract(epoch FROM created_at - $3)::float8, extract(epoch FROM created_at - "timestamp")::float8
            FROM messages
            WHERE message_id >= $1 AND message_id < $2
            ORDER BY created_at
            """);
        command.Parameters.AddWithValue(idFrom);
        command.Parameters.AddWithValue(idTo);
        command.Parameters.AddWithValue(runStart);
        command.CommandTimeout = 0;

        var all = new List<double>();
        var perSecond = new List<SecondOfLag>();
        var second = new List<double>();
        var currentSecond = long.MinValue;
        var lastCommit = double.NaN;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var at = reader.GetDouble(0);
            var lag = reader.GetDouble(1);
            var s = (long)Math.Floor(at);
            if (s != currentSecond && second.Count > 0)
            {
                perSecond.Add(SecondOfLag.Of(currentSecond, second));
                second.Clear();
            }

            currentSecond = s;
            second.Add(lag);
            all.Add(lag);
            lastCommit = at;
        }

        if (second.Count > 0)
        {
            perSecond.Add(SecondOfLag.Of(currentSecond, second));
        }

        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(all);
        var overall = ExactPercentiles.Of(span, 0.50, 0.95, 0.99, 1.0);
        return new StoredLag(all.Count, overall[0], overall[1], overall[2], overall[3], lastCommit, perSecond);
    }

    public async Task<string> ServerVersionAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SHOW server_version");
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}

/// <summary>Exact lag of the rows committed in one second of the run.</summary>
public sealed record SecondOfLag(long Second, int Rows, double P50, double P95, double P99)
{
    public static SecondOfLag Of(long second, List<double> lags)
    {
        var q = ExactPercentiles.Of(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(lags), 0.50, 0.95, 0.99);
        return new SecondOfLag(second, lags.Count, q[0], q[1], q[2]);
    }
}

/// <summary>Exact lag over a run's stored rows, in seconds; LastCommitSeconds is the newest created_at after the run start.</summary>
public sealed record StoredLag(long Rows, double P50, double P95, double P99, double Max, double LastCommitSeconds, IReadOnlyList<SecondOfLag> PerSecond);
