using System.Diagnostics;
using Chat.Migrator;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Chat.Query.Benchmark;

/// <summary>
/// A database of its own (chat_bench_query) with the current schema and N messages made by the
/// project's seed-data generator (src/Chat.LoadTest: 20 rooms, 100,000 users, skewed like chat,
/// a month of rising timestamps ending at load time), the views refreshed and everything
/// vacuumed. Reused when it already holds the same number of messages.
/// </summary>
public sealed class BenchmarkDataset(BenchmarkSettings settings)
{
    /// <summary>Message ids are "{RunId}-{index:D10}", index 0..N-1.</summary>
    public const string RunId = "bench";

    public async Task PrepareAsync()
    {
        await using (var server = new NpgsqlConnection(BenchmarkSettings.ConnectionString("postgres", "postgres")))
        {
            await server.OpenAsync();
            await using var exists = new NpgsqlCommand("SELECT EXISTS (SELECT FROM pg_database WHERE datname = $1)", server);
            exists.Parameters.AddWithValue(BenchmarkSettings.Database);
            if (!(bool)(await exists.ExecuteScalarAsync())!)
            {
                await Execute(server, $"CREATE DATABASE {BenchmarkSettings.Database}");
            }
        }

        var admin = BenchmarkSettings.ConnectionString("postgres");
        await SchemaMigrator.MigrateAsync(admin, BenchmarkSettings.RolePasswords(), NullLogger.Instance);
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await Execute(connection, "CREATE TABLE IF NOT EXISTS bench_dataset (messages bigint NOT NULL)");
        await using (var loaded = new NpgsqlCommand("SELECT EXISTS (SELECT FROM bench_dataset WHERE messages = $1)", connection))
        {
            loaded.Parameters.AddWithValue(settings.Messages);
            if ((bool)(await loaded.ExecuteScalarAsync())!)
            {
                Console.WriteLine($"Reusing {BenchmarkSettings.Database}: it holds the {settings.Messages:N0} messages of an earlier run.");
                return;
            }
        }

        await Execute(connection, "DELETE FROM bench_dataset");
        await SeedAsync(admin);
        foreach (var view in new[] { "user_stats", "room_stats", "hourly_stats" })
        {
            // After a plain refresh the views' visibility maps are empty; index-only scans need them.
            await Execute(connection, $"VACUUM (ANALYZE) {view}");
        }

        await Execute(connection, $"INSERT INTO bench_dataset VALUES ({settings.Messages})");
    }

    private async Task SeedAsync(string admin)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                "run", "-c", "Release", "--project", Path.Combine("src", "Chat.LoadTest"), "-v", "quiet", "--",
                "seed-data", "--messages", settings.Messages.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--truncate", "--refresh-views", "--run-id", RunId, "--seed", "42",
            },
            Environment = { ["ConnectionStrings__ChatAdmin"] = admin },
        };
        using var seed = Process.Start(start) ?? throw new InvalidOperationException("seed-data did not start");
        await seed.WaitForExitAsync();
        if (seed.ExitCode != 0)
        {
            throw new InvalidOperationException($"seed-data failed with exit code {seed.ExitCode}");
        }
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
