using System.Security.Cryptography;
using Chat.Migrator;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Xunit;

namespace Chat.Testing;

/// <summary>
/// A throwaway PostgreSQL cluster of its own (use as IClassFixture), for tests that stop, kill or
/// restart the database, which the shared server must never be: initdb into a temporary folder
/// as the <c>postgres</c> user, a free port on 127.0.0.1, the schema migrated into database
/// <see cref="Database"/>. Stopped and removed at the end.
/// </summary>
public class PrivatePostgresCluster : IAsyncLifetime
{
    private readonly string _adminPassword = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
    private string? _folder;

    public string Database { get; } = "chat";

    public int Port { get; private set; }

    /// <summary>Login passwords of the service roles in this cluster.</summary>
    public IReadOnlyDictionary<string, string> RolePasswords { get; } = SchemaMigrator.ServiceRoles.ToDictionary(
        role => role, _ => Convert.ToHexString(RandomNumberGenerator.GetBytes(12)));

    private string Folder => _folder ?? throw new InvalidOperationException("The cluster is not initialised.");

    private string DataDirectory => Path.Combine(Folder, "data");

    public string ConnectionString(DatabaseRole role = DatabaseRole.Admin)
    {
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Database = Database,
            Username = PostgresDatabase.RoleName(role),
            Password = role == DatabaseRole.Admin ? _adminPassword : RolePasswords[PostgresDatabase.RoleName(role)],
        };
        return builder.ConnectionString;
    }

    /// <summary>Runs one query as the superuser on a connection of its own (no pool survives a restart).</summary>
    public async Task<T?> ScalarAsync<T>(string sql)
    {
        var unpooled = new NpgsqlConnectionStringBuilder(ConnectionString()) { Pooling = false };
        await using var connection = new NpgsqlConnection(unpooled.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }

    public async Task InitializeAsync()
    {
        _folder = Directory.CreateTempSubdirectory("chat-pg-").FullName;
        await LocalProcess.RunAsync("chown", "-R", "postgres:postgres", Folder);
        var passwordFile = Path.Combine(Folder, "pwfile");
        await File.WriteAllTextAsync(passwordFile, _adminPassword + "\n");
        await LocalProcess.RunAsync("chown", "postgres:postgres", passwordFile);
        await LocalProcess.RunAsync("runuser", "-u", "postgres", "--", Path.Combine(BinDirectory(), "initdb"), "-D", DataDirectory,
            "--username=postgres", $"--pwfile={passwordFile}", "--encoding=UTF8", "--no-locale",
            "--auth-local=peer", "--auth-host=scram-sha-256");
        File.Delete(passwordFile);
        Port = LocalProcess.FreePort();
        await StartAsync();
        await SchemaMigrator.MigrateAsync(ConnectionString(), RolePasswords, NullLogger.Instance);
    }

    /// <summary>Starts the cluster and waits until it accepts connections.</summary>
    public Task StartAsync() => PgCtlAsync("-l", Path.Combine(Folder, "postgres.log"), "-w", "-t", "60",
        "-o", $"-c listen_addresses=127.0.0.1 -p {Port} -k {Folder} -c max_connections=100", "start");

    /// <summary>Stops the cluster (fast shutdown: sessions are disconnected, like a database going away).</summary>
    public Task StopAsync() => PgCtlAsync("-m", "fast", "-w", "-t", "60", "stop");

    public async Task DisposeAsync()
    {
        if (_folder is null)
        {
            return;
        }

        try
        {
            await PgCtlAsync("-m", "immediate", "-w", "-t", "60", "stop");
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        Directory.Delete(_folder, recursive: true);
    }

    private Task PgCtlAsync(params string[] arguments) =>
        LocalProcess.RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(BinDirectory(), "pg_ctl"), "-D", DataDirectory, .. arguments]);

    private static string BinDirectory() =>
        Directory.GetDirectories("/usr/lib/postgresql")
            .Select(dir => Path.Combine(dir, "bin"))
            .Where(bin => File.Exists(Path.Combine(bin, "initdb")))
            .OrderBy(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var version) ? version : 0)
            .LastOrDefault()
        ?? throw new InvalidOperationException("No PostgreSQL server binaries under /usr/lib/postgresql: run './chat up' once.");
}
