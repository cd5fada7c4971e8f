using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Testcontainers.PostgreSql;

namespace Chat.Testing;

/// <summary>
/// The PostgreSQL server of this test run, found once per test process: the connection string
/// in CHAT_TEST_POSTGRES if set; else the local server started by './chat up'; else a
/// Testcontainers PostgreSQL where a Docker engine answers.
/// </summary>
public sealed class PostgresServer
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static PostgresServer? _instance;

    private PostgresServer(string adminConnectionString, IReadOnlyDictionary<string, string> rolePasswords)
    {
        AdminConnectionString = adminConnectionString;
        RolePasswords = rolePasswords;
    }

    /// <summary>A superuser connection string (database: postgres).</summary>
    public string AdminConnectionString { get; }

    /// <summary>The login password of each service role on this server.</summary>
    public IReadOnlyDictionary<string, string> RolePasswords { get; }

    public static async Task<PostgresServer> GetAsync()
    {
        if (_instance is not null)
        {
            return _instance;
        }

        await Gate.WaitAsync();
        try
        {
            return _instance ??= await FindAsync();
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<PostgresServer> FindAsync()
    {
        var admin = LocalSettings.Get("CHAT_TEST_POSTGRES");
        if (admin is null && LocalSettings.Get("CHAT_PG_ADMIN_PASSWORD") is { } password)
        {
            admin = new NpgsqlConnectionStringBuilder
            {
                Host = LocalSettings.Get("CHAT_PG_HOST") ?? "127.0.0.1",
                Port = int.Parse(LocalSettings.Get("CHAT_PG_PORT") ?? "25432"),
                Username = LocalSettings.Get("CHAT_PG_ADMIN_USER") ?? "postgres",
                Password = password,
                Database = "postgres",
            }.ConnectionString;
        }

        if (admin is null && LocalSettings.DockerEngineAnswers())
        {
            var container = new PostgreSqlBuilder("postgres:15").Build();
            await container.StartAsync();
            admin = container.GetConnectionString();
        }

        if (admin is null)
        {
            throw new InvalidOperationException(
                "No PostgreSQL for the tests: run './chat up' (or './chat test'), set CHAT_TEST_POSTGRES, or start a Docker engine.");
        }

        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync(); // fail here, clearly, if the server is not there
        }

        return new PostgresServer(admin, SchemaRolePasswords(admin));
    }

    // The passwords './chat up' set, else ones derived from the admin connection: every test
    // process of a run must set the same ones, since roles are shared by the whole server.
    private static Dictionary<string, string> SchemaRolePasswords(string admin)
    {
        var fromSettings = new Dictionary<string, string?>
        {
            ["chat_ingest"] = LocalSettings.Get("CHAT_INGEST_PASSWORD"),
            ["chat_projections"] = LocalSettings.Get("CHAT_PROJECTIONS_PASSWORD"),
            ["chat_query"] = LocalSettings.Get("CHAT_QUERY_PASSWORD"),
        };
        return fromSettings.ToDictionary(
            p => p.Key,
            p => p.Value ?? Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(admin + p.Key)))[..24]);
    }
}
