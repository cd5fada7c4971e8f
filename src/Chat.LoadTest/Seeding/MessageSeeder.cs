using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace Chat.LoadTest.Seeding;

/// <summary>
/// Loads synthetic messages straight into the messages table with binary COPY, several
/// streams at once, for query and projection benchmarks. Bypasses the broker and the ingest
/// on purpose: it builds a data set, it does not measure the write path.
/// </summary>
public sealed class MessageSeeder(NpgsqlDataSource dataSource, TextWriter output)
{
    private const int BlockSize = 50_000;

    private const string Copy = """
        COPY messages (message_id, room_id, user_id, username, content, message_type, "timestamp", server_id, client_ip, created_at)
        FROM STDIN (FORMAT BINARY)
        """;

    public async Task<TimeSpan> SeedAsync(SeedSettings settings, CancellationToken cancellationToken)
    {
        settings.Validate();
        var traffic = new SyntheticTraffic(settings);
        var blocks = (settings.Messages + BlockSize - 1) / BlockSize;
        long written = 0;
        var clock = Stopwatch.StartNew();

        using var progress = new Timer(
            _ => output.WriteLine(
                $"  {Interlocked.Read(ref written):N0} / {settings.Messages:N0} rows, {Interlocked.Read(ref written) / clock.Elapsed.TotalSeconds:N0} rows/s"),
            null, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));

        // Writer w takes blocks w, w + W, w + 2W, ...: the heap fills in roughly time order,
        // as it does in production, so the BRIN index on "timestamp" stays selective.
        await Parallel.ForEachAsync(
            Enumerable.Range(0, settings.Writers),
            new ParallelOptions { MaxDegreeOfParallelism = settings.Writers, CancellationToken = cancellationToken },
            async (writer, token) =>
            {
                await using var connection = await dataSource.OpenConnectionAsync(token);
                await using var importer = await connection.BeginBinaryImportAsync(Copy, token);
                for (long block = writer; block < blocks; block += settings.Writers)
                {
                    var end = Math.Min(settings.Messages, (block + 1) * BlockSize);
                    for (var index = block * BlockSize; index < end; index++)
                    {
                        await WriteRowAsync(importer, traffic.Create(index), token);
                    }

                    Interlocked.Add(ref written, end - block * BlockSize);
                }

                await importer.CompleteAsync(token);
            });

        return clock.Elapsed;
    }

    private static async Task WriteRowAsync(NpgsqlBinaryImporter importer, SyntheticMessage m, CancellationToken token)
    {
        await importer.StartRowAsync(token);
        await importer.WriteAsync(m.MessageId, NpgsqlDbType.Varchar, token);
        await importer.WriteAsync(m.RoomId, NpgsqlDbType.Integer, token);
        await importer.WriteAsync(m.UserId, NpgsqlDbType.Varchar, token);
        await importer.WriteAsync(m.Username, NpgsqlDbType.Varchar, token);
        await importer.WriteAsync(m.Content, NpgsqlDbType.Text, token);
        await importer.WriteAsync(m.MessageType, NpgsqlDbType.Varchar, token);
        await importer.WriteAsync(m.Timestamp, NpgsqlDbType.TimestampTz, token);
        await importer.WriteAsync(m.ServerId, NpgsqlDbType.Varchar, token);
        await importer.WriteAsync(m.ClientIp, NpgsqlDbType.Varchar, token);
        await importer.WriteAsync(m.CreatedAt, NpgsqlDbType.TimestampTz, token);
    }

    /// <summary>VACUUM ANALYZE: fresh statistics, and a visibility map so index-only scans skip the heap.</summary>
    public async Task VacuumAnalyzeAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("VACUUM (ANALYZE) messages");
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task RefreshViewsAsync(CancellationToken cancellationToken)
    {
        foreach (var view in new[] { "user_stats", "room_stats", "hourly_stats" })
        {
            await using var command = dataSource.CreateCommand($"REFRESH MATERIALIZED VIEW {view}");
            command.CommandTimeout = 0;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async Task TruncateAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("TRUNCATE messages");
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM messages");
        command.CommandTimeout = 0;
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
