using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Chat.Migrator;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Chat.Ingest.Benchmark;

/// <summary>
/// The local servers (settings from the environment that './chat bench' loads from
/// .local/chat.env), and a fresh database and virtual host per phase: leftovers of one phase
/// (rows, queues, exchange-to-exchange bindings) cannot reach the next.
/// </summary>
public sealed class BenchmarkServers : IDisposable
{
    private readonly HttpClient _management;

    public BenchmarkServers()
    {
        PgPort = int.Parse(Required("CHAT_PG_PORT"), System.Globalization.CultureInfo.InvariantCulture);
        AdminPassword = Required("CHAT_PG_ADMIN_PASSWORD");
        RolePasswords = new Dictionary<string, string>
        {
            ["chat_ingest"] = Required("CHAT_INGEST_PASSWORD"),
            ["chat_projections"] = Required("CHAT_PROJECTIONS_PASSWORD"),
            ["chat_query"] = Required("CHAT_QUERY_PASSWORD"),
        };
        RabbitHost = Environment.GetEnvironmentVariable("CHAT_RABBITMQ_HOST") ?? "127.0.0.1";
        RabbitPort = int.Parse(Required("CHAT_RABBITMQ_PORT"), System.Globalization.CultureInfo.InvariantCulture);
        RabbitUser = Environment.GetEnvironmentVariable("CHAT_RABBITMQ_USER") ?? "chat";
        RabbitPassword = Required("CHAT_RABBITMQ_PASSWORD");
        _management = new HttpClient
        {
            BaseAddress = new Uri($"http://{RabbitHost}:{Required("CHAT_RABBITMQ_MANAGEMENT_PORT")}/"),
            Timeout = TimeSpan.FromSeconds(30),
        };
        _management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{RabbitUser}:{RabbitPassword}")));
    }

    public int PgPort { get; }

    public string AdminPassword { get; }

    public IReadOnlyDictionary<string, string> RolePasswords { get; }

    public string RabbitHost { get; }

    public int RabbitPort { get; }

    public string RabbitUser { get; }

    public string RabbitPassword { get; }

    public string ConnectionString(string database, string user = "postgres") => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = PgPort,
        Database = database,
        Username = user,
        Password = user == "postgres" ? AdminPassword : RolePasswords[user],
    }.ConnectionString;

    /// <summary>A new migrated database for one phase.</summary>
    public async Task<string> CreateDatabaseAsync(string phase)
    {
        var name = $"chat_bench_{phase}";
        await ExecuteAsync("postgres", $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        await ExecuteAsync("postgres", $"CREATE DATABASE {name}");
        await SchemaMigrator.MigrateAsync(ConnectionString(name), RolePasswords, NullLogger.Instance);
        return name;
    }

    public async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync("postgres", $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    public async Task<T> ScalarAsync<T>(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>A new virtual host for one phase (deleted first if a previous run left it).</summary>
    public async Task<string> CreateVirtualHostAsync(string phase)
    {
        var name = $"bench-{phase}";
        await DeleteVirtualHostAsync(name);
        (await _management.PutAsJsonAsync($"api/vhosts/{name}", new { })).EnsureSuccessStatusCode();
        (await _management.PutAsJsonAsync($"api/permissions/{name}/{Uri.EscapeDataString(RabbitUser)}",
            new { configure = ".*", write = ".*", read = ".*" })).EnsureSuccessStatusCode();
        return name;
    }

    public async Task DeleteVirtualHostAsync(string name) => await _management.DeleteAsync($"api/vhosts/{name}");

    public async Task<string> RabbitMqVersionAsync()
    {
        var overview = await _management.GetFromJsonAsync<Overview>("api/overview");
        return overview?.RabbitmqVersion ?? "unknown";
    }

    public Uri AmqpUri(string virtualHost) =>
        new($"amqp://{Uri.EscapeDataString(RabbitUser)}:{Uri.EscapeDataString(RabbitPassword)}@{RabbitHost}:{RabbitPort}/{Uri.EscapeDataString(virtualHost)}");

    public void Dispose() => _management.Dispose();

    private async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string Required(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException($"{name} is not set: run the benchmark with './chat bench ingest'.");

    private sealed record Overview([property: System.Text.Json.Serialization.JsonPropertyName("rabbitmq_version")] string RabbitmqVersion);
}
