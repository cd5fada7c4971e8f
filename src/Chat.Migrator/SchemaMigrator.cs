using System.Reflection;
using DbUp;
using DbUp.Engine.Output;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Chat.Migrator;

/// <summary>
/// Applies the versioned SQL of schema/ in name order, each script once, recorded in the
/// journal table public.schema_versions. Running it again is a no-op; an older database is
/// brought to the current version. Concurrent migrators wait for each other, across databases
/// too: the roles they create and alter are shared by the whole cluster.
/// </summary>
public static class SchemaMigrator
{
    public static readonly IReadOnlyList<string> ServiceRoles = ["chat_ingest", "chat_projections", "chat_query"];

    private const string ScriptPrefix = "schema/";

    // Any constant works; it only has to be the same for every migrator of this schema.
    private const long MigrationLockKey = 0x43686174_4D696772; // "ChatMigr"

    /// <summary>The embedded scripts, in the order they are applied.</summary>
    public static IReadOnlyList<string> Scripts =>
        [.. typeof(SchemaMigrator).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ScriptPrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

    /// <summary>
    /// Creates the database when missing, applies the scripts not yet applied and sets the
    /// login password of each service role named in <paramref name="rolePasswords"/>.
    /// </summary>
    /// <returns>The names of the scripts applied by this run.</returns>
    public static async Task<IReadOnlyList<string>> MigrateAsync(
        string connectionString,
        IReadOnlyDictionary<string, string> rolePasswords,
        ILogger logger,
        CancellationToken cancellationToken = default)
    {
        var unknown = rolePasswords.Keys.Except(ServiceRoles).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException(
                $"Not service roles: {string.Join(", ", unknown)} (expected {string.Join(", ", ServiceRoles)}).", nameof(rolePasswords));
        }

        // A session-level advisory lock, held for the whole run on a connection to the maintenance
        // database: advisory locks are per database, and every migrator of this cluster meets there.
        var maintenance = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var lockConnection = new NpgsqlConnection(maintenance.ConnectionString);
        await lockConnection.OpenAsync(cancellationToken);
        await ExecuteAsync(lockConnection, "SELECT pg_advisory_lock($1)", cancellationToken, MigrationLockKey);
        try
        {
            var log = new UpgradeLog(logger);
            EnsureDatabase.For.PostgresqlDatabase(connectionString, log);
            var result = DeployChanges.To
                .PostgresqlDatabase(connectionString)
                .WithScriptsEmbeddedInAssembly(
                    Assembly.GetExecutingAssembly(), name => name.StartsWith(ScriptPrefix, StringComparison.Ordinal))
                .WithTransactionPerScript()
                .JournalToPostgresqlTable("public", "schema_versions")
                .LogTo(log)
                .Build()
                .PerformUpgrade();
            if (!result.Successful)
            {
                throw new InvalidOperationException(
                    $"Migration failed in {result.ErrorScript?.Name ?? "(no script)"}: {result.Error.Message}", result.Error);
            }

            await SetRolePasswordsAsync(lockConnection, rolePasswords, cancellationToken);
            return [.. result.Scripts.Select(s => s.Name)];
        }
        finally
        {
            await ExecuteAsync(lockConnection, "SELECT pg_advisory_unlock($1)", CancellationToken.None, MigrationLockKey);
        }
    }

    private static async Task SetRolePasswordsAsync(
        NpgsqlConnection connection, IReadOnlyDictionary<string, string> passwords, CancellationToken cancellationToken)
    {
        foreach (var (role, password) in passwords)
        {
            // ALTER ROLE takes no parameters: the server quotes the name and the literal.
            await using var format = new NpgsqlCommand("SELECT format('ALTER ROLE %I WITH LOGIN PASSWORD %L', $1, $2)", connection);
            format.Parameters.AddWithValue(role);
            format.Parameters.AddWithValue(password);
            var statement = (string)(await format.ExecuteScalarAsync(cancellationToken))!;
            await ExecuteAsync(connection, statement, cancellationToken);
        }
    }

    private static async Task ExecuteAsync(
        NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed class UpgradeLog(ILogger logger) : IUpgradeLog
    {
        public void LogTrace(string format, params object[] args) => logger.LogTrace("{Message}", string.Format(format, args));

        public void LogDebug(string format, params object[] args) => logger.LogDebug("{Message}", string.Format(format, args));

        public void LogInformation(string format, params object[] args) => logger.LogInformation("{Message}", string.Format(format, args));

        public void LogWarning(string format, params object[] args) => logger.LogWarning("{Message}", string.Format(format, args));

        public void LogError(string format, params object[] args) => logger.LogError("{Message}", string.Format(format, args));

        public void LogError(Exception ex, string format, params object[] args) => logger.LogError(ex, "{Message}", string.Format(format, args));
    }
}
