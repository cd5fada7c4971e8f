using Chat.Contracts;
using Npgsql;
using NpgsqlTypes;

namespace Chat.Ingest.Storage;

/// <summary>
/// Writes one batch in one transaction: its valid messages into messages (idempotently, through a
/// binary COPY into a session-local staging table and one INSERT ... ON CONFLICT DO NOTHING), its
/// invalid deliveries into rejected_messages. Should PostgreSQL refuse a row that passed
/// validation, the batch is written again row by row and that row alone is rejected.
/// </summary>
public sealed class MessageBatchWriter(NpgsqlDataSource dataSource, ILogger<MessageBatchWriter> logger)
{
    // ON COMMIT DELETE ROWS: empty at the start of every transaction. The table lives as long as
    // the physical connection, which the data source keeps (No Reset On Close), so this is a
    // no-op after the connection's first batch.
    private const string CreateStagingSql = """
        CREATE TEMP TABLE IF NOT EXISTS ingest_staging (
            message_id text, room_id integer, user_id text, username text, content text,
            "timestamp" timestamptz, message_type text, server_id text, client_ip text
        ) ON COMMIT DELETE ROWS
        """;

    private const string CopySql = """
        COPY ingest_staging (message_id, room_id, user_id, username, content, "timestamp", message_type, server_id, client_ip)
        FROM STDIN (FORMAT BINARY)
        """;

    // One lock order for every writer (ORDER BY the key): concurrent batches that share message
    // ids wait for each other instead of deadlocking.
    private const string InsertMessagesSql = """
        INSERT INTO messages (message_id, room_id, user_id, username, content, "timestamp", message_type, server_id, client_ip)
        SELECT message_id, room_id, user_id, username, content, "timestamp", message_type, server_id, client_ip
        FROM ingest_staging
        ORDER BY message_id
        ON CONFLICT (message_id) DO NOTHING
        """;

    private const string InsertMessageSql = """
        INSERT INTO messages (message_id, room_id, user_id, username, content, "timestamp", message_type, server_id, client_ip)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
        ON CONFLICT (message_id) DO NOTHING
        """;

    private const string InsertRejectedSql = """
        INSERT INTO rejected_messages (payload, payload_sha256, content_type, reason, detail, message_id, exchange, routing_key, received_at)
        SELECT * FROM unnest($1::bytea[], $2::bytea[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::timestamptz[])
        ORDER BY 2
        ON CONFLICT (payload_sha256) DO NOTHING
        """;

    private const string RowSavepoint = "ingest_row";

    /// <summary>Writes the batch and commits; throws when the database fails (the batch is then not stored at all).</summary>
    public async Task<BatchOutcome> WriteAsync(IReadOnlyList<ParsedDelivery> batch, CancellationToken cancellationToken)
    {
        var valid = batch.Where(p => p.Result.IsValid).ToList();
        var rejected = batch.Where(p => !p.Result.IsValid)
            .Select(p => new RejectedRow(p.Delivery, p.Result.Reason!, p.Result.Detail!, p.Result.MessageId))
            .ToList();
        try
        {
            return await WriteBatchAsync(valid, rejected, cancellationToken);
        }
        catch (PostgresException e) when (DatabaseFailure.IsDataError(e))
        {
            logger.LogWarning("PostgreSQL refused a batch of {Count} messages ({SqlState}: {Error}); storing them one by one",
                valid.Count, e.SqlState, e.MessageText);
            return await WriteRowByRowAsync(valid, rejected, cancellationToken);
        }
    }

    private async Task<BatchOutcome> WriteBatchAsync(List<ParsedDelivery> valid, List<RejectedRow> rejected, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var stored = 0;
        if (valid.Count > 0)
        {
            await using (var create = new NpgsqlCommand(CreateStagingSql, connection, transaction))
            {
                await create.ExecuteNonQueryAsync(cancellationToken);
            }

            await CopyAsync(connection, valid, cancellationToken);
            await using var insert = new NpgsqlCommand(InsertMessagesSql, connection, transaction);
            stored = await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await InsertRejectedAsync(connection, transaction, rejected, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new BatchOutcome(stored, valid.Count - stored, [.. rejected.Select(r => r.Reason)], DateTimeOffset.UtcNow);
    }

    private static async Task CopyAsync(NpgsqlConnection connection, List<ParsedDelivery> valid, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(CopySql, cancellationToken);
        foreach (var parsed in valid)
        {
            var message = parsed.Result.Message!;
            await importer.StartRowAsync(cancellationToken);
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

    private static Task WriteTextAsync(NpgsqlBinaryImporter importer, string? value, CancellationToken cancellationToken) =>
        value is null ? importer.WriteNullAsync(cancellationToken) : importer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);

    // The slow path, for a batch PostgreSQL refused although every row passed validation: each
    // row under its own savepoint, so one refused row is rejected and the others are stored.
    private async Task<BatchOutcome> WriteRowByRowAsync(List<ParsedDelivery> valid, List<RejectedRow> rejected, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var stored = 0;
        var duplicates = 0;
        foreach (var parsed in valid.OrderBy(p => p.Result.Message!.MessageId, StringComparer.Ordinal))
        {
            var message = parsed.Result.Message!;
            await transaction.SaveAsync(RowSavepoint, cancellationToken);
            try
            {
                var inserted = await InsertOneAsync(connection, transaction, message, cancellationToken);
                stored += inserted;
                duplicates += 1 - inserted;
                await transaction.ReleaseAsync(RowSavepoint, cancellationToken);
            }
            catch (PostgresException e) when (DatabaseFailure.IsDataError(e))
            {
                await transaction.RollbackAsync(RowSavepoint, cancellationToken);
                logger.LogWarning("PostgreSQL refused message {MessageId}: {SqlState} {Error}", message.MessageId, e.SqlState, e.MessageText);
                rejected.Add(new RejectedRow(parsed.Delivery, RejectionReason.StorageRefused,
                    $"PostgreSQL refused the row ({e.SqlState}): {e.MessageText}", message.MessageId));
            }
        }

        await InsertRejectedAsync(connection, transaction, rejected, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new BatchOutcome(stored, duplicates, [.. rejected.Select(r => r.Reason)], DateTimeOffset.UtcNow);
    }

    private static async Task<int> InsertOneAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, ChatMessagePosted message, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(InsertMessageSql, connection, transaction)
        {
            Parameters =
            {
                new() { Value = message.MessageId, NpgsqlDbType = NpgsqlDbType.Text },
                new() { Value = message.RoomId, NpgsqlDbType = NpgsqlDbType.Integer },
                new() { Value = message.UserId, NpgsqlDbType = NpgsqlDbType.Text },
                new() { Value = (object?)message.Username ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
                new() { Value = message.Message, NpgsqlDbType = NpgsqlDbType.Text },
                new() { Value = message.Timestamp.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz },
                new() { Value = message.MessageType, NpgsqlDbType = NpgsqlDbType.Text },
                new() { Value = (object?)message.ServerId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
                new() { Value = (object?)message.ClientIp ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
            },
        };
        return await command.ExecuteNonQueryAsync(cancellationToken);
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
                new() { Value = rejected.Select(r => r.Delivery.ContentType).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
                new() { Value = rejected.Select(r => r.Reason).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
                new() { Value = rejected.Select(r => r.Detail).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
                new() { Value = rejected.Select(r => r.MessageId).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
                new() { Value = rejected.Select(r => r.Delivery.Exchange).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
                new() { Value = rejected.Select(r => r.Delivery.RoutingKey).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
                new() { Value = rejected.Select(r => r.Delivery.ReceivedAt.UtcDateTime).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz },
            },
        };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
