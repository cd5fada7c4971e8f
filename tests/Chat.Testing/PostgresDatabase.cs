using Chat.Migrator;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Xunit;

namespace Chat.Testing;

/// <summary>
/// A fresh database with the current schema, for one test class (use as IClassFixture), so
/// classes run independently and in parallel. Dropped at the end.
/// </summary>
public class PostgresDatabase : IAsyncLifetime
{
    private PostgresServer? _server;

    public string Name { get; } = $"chat_test_{Guid.NewGuid():N}"[..30];

    public PostgresServer Server => _server ?? throw new InvalidOperationException("The fixture is not initialised.");

    /// <summary>Connection string of the test database for the given role.</summary>
    public string ConnectionString(DatabaseRole role = DatabaseRole.Admin)
    {
        var builder = new NpgsqlConnectionStringBuilder(Server.AdminConnectionString) { Database = Name };
        if (role != DatabaseRole.Admin)
        {
            builder.Username = RoleName(role);
            builder.Password = Server.RolePasswords[builder.Username];
        }

        return builder.ConnectionString;
    }

    public static string RoleName(DatabaseRole role) => role switch
    {
        DatabaseRole.Ingest => "chat_ingest",
        DatabaseRole.Projections => "chat_projections",
        DatabaseRole.Query => "chat_query",
        _ => "postgres",
    };

    public NpgsqlDataSource CreateDataSource(DatabaseRole role = DatabaseRole.Admin) =>
        NpgsqlDataSource.Create(ConnectionString(role));

    /// <summary>Applies the schema (again); returns the scripts applied by this call.</summary>
    public Task<IReadOnlyList<string>> MigrateAsync() =>
        SchemaMigrator.MigrateAsync(ConnectionString(), Server.RolePasswords, NullLogger.Instance);

    /// <summary>Runs SQL (one or more statements, no parameters) as the given role.</summary>
    public async Task ExecuteAsync(string sql, DatabaseRole role = DatabaseRole.Admin)
    {
        await using var dataSource = CreateDataSource(role);
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Runs one query as the superuser and returns the first column of every row.</summary>
    public async Task<IReadOnlyList<T>> ColumnAsync<T>(string sql, params object[] parameters)
    {
        await using var dataSource = CreateDataSource();
        await using var command = dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }

        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<T>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetFieldValue<T>(0));
        }

        return values;
    }

    /// <summary>Runs one statement as the superuser and returns the first column of the first row.</summary>
    public async Task<T?> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var dataSource = CreateDataSource();
        await using var command = dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }

        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.GetAsync();
        await using (var connection = new NpgsqlConnection(_server.AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{Name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        await BeforeMigrationAsync();
        await MigrateAsync();
    }

    /// <summary>Runs on the empty database before the schema is applied (e.g. to build an old one).</summary>
    protected virtual Task BeforeMigrationAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_server is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server.AdminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
