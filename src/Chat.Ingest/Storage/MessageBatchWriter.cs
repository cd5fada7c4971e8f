using System.Globalization;
using Chat.Contracts;
using Chat.Ingest.Metrics;
using Npgsql;
using NpgsqlTypes;

namespace Chat.Ingest.Storage;

/// <summary>
/// Writes one batch in one transaction: its valid messages into messages (idempotently, through a
/// binary COPY into a session-local staging table and one INSERT ... ON CONFLICT DO NOTHING), its
/// invalid deliveries into rejected_messages. When the rows themselves are at fault (a data error,
/// a program limit, a value the driver cannot encode), the batch is bisected until the delivery
/// at fault is alone: it is recorded by itself (or, should even that fail, parked) and every other
/// delivery is stored. Nothing of this costs anything while no write fails.
/// </summary>
public sealed class MessageBatchWriter(NpgsqlDataSource dataSource, ILogger<MessageBatchWriter> logger)
{
    // ON COMMIT DELETE ROWS: empty at the start of every transaction. The table lives as long as
    // the physical connection, which the data source keeps (No Reset On Close), so this is a
    // no-op after the connection's first batch. "delivery" is the row's index in the batch.
    private const string CreateStagingSql = """
        CREATE TEMP TABLE IF NOT EXISTS ingest_staging_v2 (
            delivery integer, message_id text, room_id integer, user_id text, username text, content text,
            "timestamp" timestamptz, message_type text, server_id text, client_ip text
        ) ON COMMIT DELETE ROWS
        """;

    private const string CopySql = """
        COPY ingest_staging_v2 (delivery, message_id, room_id, user_id, username, content, "timestamp", message_type, server_id, client_ip)
        FROM STDIN (FORMAT BINARY)
        """;

    // One lock order for every writer (ORDER BY the key): concurrent batches that share message
    // ids wait for each other instead of deadlocking. The count of inserted rows tells whether
    // any message id was there already (rare), and only then is the conflict check run.
    private const string InsertMessagesSql = """
        WITH inserted AS (
            INSERT INTO messages (message_id, room_id, user_id, username, content, "timestamp", message_type, server_id, client_ip)
            SELECT message_id, room_id, user_id, username, content, "timestamp", message_type, server_id, client_ip
            FROM ingest_staging_v2
            ORDER BY message_id
            ON CONFLICT (message_id) DO NOTHING
            RETURNING 1
        )
        SELECT count(*)::integer FROM inserted
        """;

    // The staged rows whose message id is stored with other content: a conflict, not a redelivery.
    // (A staged row that was just inserted matches its stored row and is not returned.) The
    // chat server and the load generator relay the same message with their own server_id and
    // client_ip, so those two are not compared.
    private const string ConflictsSql = """
        SELECT s.delivery, concat_ws(', ',
            CASE WHEN s.room_id IS DISTINCT FROM m.room_id THEN 'roomId ' || m.room_id END,
            CASE WHEN s.user_id IS DISTINCT FROM m.user_id THEN 'userId' END,
            CASE WHEN s.username IS DISTINCT FROM m.username THEN 'username' END,
            CASE WHEN s.content IS DISTINCT FROM m.content THEN 'message' END,
            CASE WHEN s."timestamp" IS DISTINCT FROM m."timestamp" THEN 'timestamp ' || to_char(m."timestamp" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') END,
            CASE WHEN s.message_type IS DISTINCT FROM m.message_type THEN 'messageType ' || m.message_type END)
        FROM ingest_staging_v2 s
        JOIN messages m ON m.message_id = s.message_id
        WHERE (s.room_id, s.user_id, s.username, s.content, s."timestamp", s.message_type)
              IS DISTINCT FROM (m.room_id, m.user_id, m.username, m.content, m."timestamp", m.message_type)
        """;

    // A payload seen again (a repeat, a replay, a batch redelivered after its commit) is not
    // recorded twice: its row counts the times and keeps the latest reason. DISTINCT ON with the
    // count of its copies: the same payload twice in one statement would make DO UPDATE fail.
    private const string InsertRejectedSql = """
        INSERT INTO rejected_messages (payload, payload_sha256, payload_bytes, content_type, reason, detail, message_id, exchange, routing_key, received_at, times_rejected)
        SELECT DISTINCT ON (r.sha) r.payload, r.sha, r.bytes, r.content_type, r.reason, r.detail, r.message_id, r.exchange, r.routing_key, r.received_at,
               (count(*) OVER (PARTITION BY r.sha))::integer
        FROM unnest($1::bytea[], $2::bytea[], $3::integer[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::timestamptz[])
             AS r(payload, sha, bytes, content_type, reason, detail, message_id, exchange, routing_key, received_at)
        ORDER BY r.sha
        ON CONFLICT (payload_sha256) DO UPDATE
            SET times_rejected = rejected_messages.times_rejected + EXCLUDED.times_rejected, last_rejected_at = now(),
                reason = EXCLUDED.reason, detail = EXCLUDED.detail
        """;

    /// <summary>
    /// Writes the batch and commits. Throws when the database fails for a reason of its own
    /// (<see cref="FailureCause.Systemic"/>; nothing is then acknowledged, the committed part is
    /// idempotent) or for a bug.
    /// </summary>
    public async Task<BatchOutcome> WriteAsync(IReadOnlyList<ParsedDelivery> batch, CancellationToken cancellationToken)
    {
        try
        {
            return await WriteOnceAsync(batch, cancellationToken);
        }
        catch (Exception e) when (DatabaseFailure.IsDeliveryFault(e))
        {
            logger.LogWarning("A batch of {Count} deliveries was refused ({Error}); isolating the delivery at fault", batch.Count, Describe(e));
            IngestMetrics.DeliveriesIsolated.Inc();
            return await IsolateAsync(batch, cancellationToken);
        }
    }

    // Halves until the deliveries at fault are alone; each half is its own transaction, so a
    // batch with one bad delivery of n costs about 2 log2(n) extra transactions, once.
    private async Task<BatchOutcome> IsolateAsync(IReadOnlyList<ParsedDelivery> part, CancellationToken cancellationToken)
    {
        if (part.Count == 1)
        {
            return await WriteAloneAsync(part[0], cancellationToken);
        }

        var outcome = BatchOutcome.Empty;
        var half = part.Count / 2;
        foreach (var piece in new[] { part.Take(half).ToList(), part.Skip(half).ToList() })
        {
            try
            {
                outcome = outcome.Add(await WriteOnceAsync(piece, cancellationToken));
            }
            catch (Exception e) when (DatabaseFailure.IsDeliveryFault(e))
            {
                outcome = outcome.Add(await IsolateAsync(piece, cancellationToken));
            }
        }

        return outcome;
    }

    // One delivery the database refused: a message is recorded as storage_refused; a rejection
    // that could not be recorded is recorded bare (payload, reason, a plain detail); if even that
    // fails the delivery is parked.
    private async Task<BatchOutcome> WriteAloneAsync(ParsedDelivery parsed, CancellationToken cancellationToken)
    {
        Exception failure;
        try
        {
            return await WriteOnceAsync([parsed], cancellationToken);
        }
        catch (Exception e) when (DatabaseFailure.IsDeliveryFault(e))
        {
            failure = e;
        }

        var detail = $"PostgreSQL refused the row ({Describe(failure)})";
        var record = parsed.Result.IsValid
            ? new RejectedRow(parsed.Delivery, RejectionReason.StorageRefused, detail, parsed.Result.MessageId)
            : parsed.ToRejectedRow().Bare($"{parsed.Result.Reason}; recording the full rejection failed: {detail}");
        logger.LogWarning("Delivery {MessageId} refused alone: {Detail}", RejectText.Escape(parsed.Result.MessageId), detail);
        foreach (var attempt in new[] { record, record.Bare(detail) })
        {
            try
            {
                return await WriteOnceAsync([], [attempt], cancellationToken);
            }
            catch (Exception e) when (DatabaseFailure.IsDeliveryFault(e))
            {
                failure = e;
            }
        }

        logger.LogError("Delivery {MessageId} can be neither stored nor recorded ({Error}); parking it",
            RejectText.Escape(parsed.Result.MessageId), Describe(failure));
        return BatchOutcome.Empty with
        {
            Parked = [new ParkedDelivery(parsed.Delivery, record.Reason, $"{detail}; recording it failed too ({Describe(failure)})")],
            CommittedAt = DateTimeOffset.UtcNow,
        };
    }

    private Task<BatchOutcome> WriteOnceAsync(IReadOnlyList<ParsedDelivery> part, CancellationToken cancellationToken)
    {
        var valid = new List<ParsedDelivery>(part.Count);
        var rejected = new List<RejectedRow>();
        foreach (var parsed in part)
        {
            if (parsed.Result.IsValid)
            {
                valid.Add(parsed);
            }
            else
            {
                rejected.Add(parsed.ToRejectedRow());
            }
        }

        return WriteOnceAsync(valid, rejected, cancellationToken);
    }

    private async Task<BatchOutcome> WriteOnceAsync(List<ParsedDelivery> valid, List<RejectedRow> rejected, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var stored = 0;
        var conflicts = 0;
        if (valid.Count > 0)
        {
            await using (var create = new NpgsqlCommand(CreateStagingSql, connection, transaction))
            {
                await create.ExecuteNonQueryAsync(cancellationToken);
            }

            await CopyAsync(connection, valid, cancellationToken);
            await using (var insert = new NpgsqlCommand(InsertMessagesSql, connection, transaction))
            {
                stored = (int)(await insert.ExecuteScalarAsync(cancellationToken))!;
            }

            if (stored < valid.Count)
            {
                var found = await ConflictsAsync(connection, transaction, valid, cancellationToken);
                conflicts = found.Count;
                rejected.AddRange(found);
            }
        }

        await InsertRejectedAsync(connection, transaction, rejected, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new BatchOutcome(stored, valid.Count - stored - conflicts, conflicts, [.. rejected.Select(r => r.Reason)], [], DateTimeOffset.UtcNow);
    }

    private static async Task CopyAsync(NpgsqlConnection connection, List<ParsedDelivery> valid, CancellationToken cancellationToken)
    {
        var importer = await connection.BeginBinaryImportAsync(CopySql, cancellationToken);
        try
        {
            for (var index = 0; index < valid.Count; index++)
            {
                var message = valid[index].Result.Message!;
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(index, NpgsqlDbType.Integer, cancellationToken);
                await importer.WriteAsync(message.MessageId, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(message.RoomId, NpgsqlDbType.Integer, cancellationToken);
                await importer.WriteAsync(message.UserId, NpgsqlDbType.Text, cancellationToken);
                await WriteTextAsync(importer, message.Username, cancellationToken);
                await importer.WriteAsync(message.Message, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(message.Timestamp.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
                await importer.WriteAsync(message.MessageType, NpgsqlDbType.Text, cancellationToken);
                await WriteTextAsync(importer, message.ServerId, cancellationToken);
                await WriteTextAsync(importer, message.ClientIp, cancellationToken);
            }

            await importer.CompleteAsync(cancellationToken);
        }
        finally
        {
            // After a value the driver could not encode, cancelling the COPY may fail as well;
            // the first failure is the one that says what happened.
            try
            {
                await importer.DisposeAsync();
            }
            catch (Exception e) when (e is NpgsqlException or IOException or InvalidOperationException)
            {
            }
        }
    }

    private static Task WriteTextAsync(NpgsqlBinaryImporter importer, string? value, CancellationToken cancellationToken) =>
        value is null ? importer.WriteNullAsync(cancellationToken) : importer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);

    private static async Task<List<RejectedRow>> ConflictsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, List<ParsedDelivery> valid, CancellationToken cancellationToken)
    {
        var conflicts = new List<RejectedRow>();
        await using var command = new NpgsqlCommand(ConflictsSql, connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var parsed = valid[reader.GetInt32(0)];
            var messageId = parsed.Result.MessageId!;
            conflicts.Add(new RejectedRow(parsed.Delivery, RejectionReason.MessageIdConflict,
                $"messageId {messageId} is stored already with a different {reader.GetString(1)}; the stored row is kept.", messageId));
        }

        return conflicts;
    }

    private static async Task InsertRejectedAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, List<RejectedRow> rejected, CancellationToken cancellationToken)
    {
        if (rejected.Count == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand(InsertRejectedSql, connection, transaction)
        {
            Parameters =
            {
                new() { Value = rejected.Select(r => r.Payload).ToArray() },
                new() { Value = rejected.Select(r => r.PayloadSha256).ToArray() },
                new() { Value = rejected.Select(r => r.PayloadBytes).ToArray() },
                new() { Value = rejected.Select(r => r.ContentType).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
                new() { Value = rejected.Select(r => r.EscapedReason).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
                new() { Value = rejected.Select(r => r.EscapedDetail).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
                new() { Value = rejected.Select(r => r.EscapedMessageId).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
                new() { Value = rejected.Select(r => r.Exchange).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
                new() { Value = rejected.Select(r => r.RoutingKey).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
                new() { Value = rejected.Select(r => r.Delivery.ReceivedAt.UtcDateTime).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz },
            },
        };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Describe(Exception e) => e is PostgresException postgres
        ? $"{postgres.SqlState}: {postgres.MessageText}"
        : string.Create(CultureInfo.InvariantCulture, $"{e.GetType().Name}: {e.Message}");
}
