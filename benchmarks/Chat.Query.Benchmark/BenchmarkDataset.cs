using System.Diagnostics;
using Chat.Migrator;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Chat.Query.Benchmark;

/// <summary>
/// A database of its own (chat_bench_query) with the current schema and N messages: 20 rooms,
/// 100,000 users, timestamps spread evenly over a month in arrival order, message ids like the
/// chat server's (32 hex digits). Reused when it already holds the same data set.
/// </summary>
public sealed class BenchmarkDataset(BenchmarkSettings settings)
{
    public static readonly DateTimeOffset Start = new(2025, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private const long Chunk = 500_000;

    public TimeSpan Span => TimeSpan.FromDays(settings.Days);

    public async Task PrepareAsync()
    {
        var admin = BenchmarkSettings.ConnectionString("postgres", "postgres");
        await using (var server = new NpgsqlConnection(admin))
        {
            await server.OpenAsync();
            var exists = await Scalar<bool>(server, "SELECT EXISTS (SELECT FROM pg_database WHERE datname = $1)", BenchmarkSettings.Database);
            if (!exists)
            {
                await Execute(server, $"CREATE DATABASE {BenchmarkSettings.Database}");
            }
        }

        var connectionString = BenchmarkSettings.ConnectionString("postgres");
        await SchemaMigrator.MigrateAsync(connectionString, BenchmarkSettings.RolePasswords(), NullLogger.Instance);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await Execute(connection, "CREATE TABLE IF NOT EXISTS bench_dataset (messages bigint, users int, rooms int, days int)");
        var current = await Scalar<string>(connection, "SELECT coalesce((SELECT format('%s/%s/%s/%s', messages, users, rooms, days) FROM bench_dataset), '')");
        var wanted = $"{settings.Messages}/{settings.Users}/{settings.Rooms}/{settings.Days}";
        if (current == wanted)
        {
            Console.WriteLine($"Reusing {BenchmarkSettings.Database}: it holds {wanted} (messages/users/rooms/days).");
            return;
        }

        await LoadAsync(connection);
        await Execute(connection, "DELETE FROM bench_dataset");
        await Execute(connection, $"INSERT INTO bench_dataset VALUES ({settings.Messages}, {settings.Users}, {settings.Rooms}, {settings.Days})");
    }

    private async Task LoadAsync(NpgsqlConnection connection)
    {
        var clock = Stopwatch.StartNew();
        Console.WriteLine($"Loading {settings.Messages:N0} messages into {BenchmarkSettings.Database} ...");
        await Execute(connection, "TRUNCATE messages");

        // Secondary indexes are dropped and rebuilt: one sorted build beats 10M random inserts.
        var indexes = new List<string>();
        await using (var read = new NpgsqlCommand(
            "SELECT indexdef FROM pg_indexes WHERE tablename = 'messages' AND indexname <> 'messages_pkey'", connection))
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                indexes.Add(reader.GetString(0));
            }
        }

        foreach (var name in indexes.Select(d => d.Split(' ')[2]))
        {
            await Execute(connection, $"DROP INDEX {name}");
        }

        var spanMicros = (long)Span.TotalMicroseconds;
        for (long from = 1; from <= settings.Messages; from += Chunk)
        {
            var to = Math.Min(settings.Messages, from + Chunk - 1);
            await using var insert = new NpgsqlCommand("""
                INSERT INTO messages (message_id, room_id, user_id, username, content, message_type, "timestamp", created_at)
                SELECT md5(i::text),
                       1 + (hashint8(i) & 2147483647) % $3,
                       (1 + (hashint8(i # 7919) & 2147483647) % $4)::text,
                       'user' || (1 + (hashint8(i # 7919) & 2147483647) % $4),
                       'Load test message ' || i,
                       'TEXT',
                       $5 + (i::numeric * $6 / $7)::bigint * interval '1 microsecond',
                       $5 + (i::numeric * $6 / $7)::bigint * interval '1 microsecond' + interval '40 milliseconds'
                FROM generate_series($1::bigint, $2::bigint) AS i
                """, connection);
            insert.Parameters.AddWithValue(from);
            insert.Parameters.AddWithValue(to);
            insert.Parameters.AddWithValue(settings.Rooms);
            insert.Parameters.AddWithValue(settings.Users);
            insert.Parameters.AddWithValue(Start);
            insert.Parameters.AddWithValue(spanMicros);
            insert.Parameters.AddWithValue(settings.Messages);
            await insert.ExecuteNonQueryAsync();
            Console.WriteLine($"  {to:N0} rows ({clock.Elapsed:mm\\:ss})");
        }

        foreach (var definition in indexes)
        {
            Console.WriteLine($"  {definition}");
            await Execute(connection, definition);
        }

        Console.WriteLine($"  refreshing the views and vacuuming ({clock.Elapsed:mm\\:ss})");
        await Execute(connection, "REFRESH MATERIALIZED VIEW user_stats; REFRESH MATERIALIZED VIEW room_stats; REFRESH MATERIALIZED VIEW hourly_stats");
        await Execute(connection, "VACUUM (ANALYZE) messages");
        await Execute(connection, "VACUUM (ANALYZE) user_stats");
        await Execute(connection, "VACUUM (ANALYZE) room_stats");
        await Execute(connection, "VACUUM (ANALYZE) hourly_stats");
        Console.WriteLine($"Loaded in {clock.Elapsed:mm\\:ss}.");
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> Scalar<T>(NpgsqlConnection connection, string sql, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }
}
