using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Npgsql;

namespace Chat.Query.Benchmark;

/// <summary>What the figures were measured on.</summary>
public sealed record MachineFacts(int Cores, string Cpu, string Memory, string PostgreSql, string RabbitMq)
{
    public static async Task<MachineFacts> ReadAsync()
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";
        var memoryKb = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        await using var connection = new NpgsqlConnection(BenchmarkSettings.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var version = new NpgsqlCommand("SHOW server_version", connection);
        var postgres = (string)(await version.ExecuteScalarAsync())!;
        return new MachineFacts(Environment.ProcessorCount, cpu, $"{long.Parse(memoryKb) / 1024 / 1024} GiB", postgres, await RabbitMqVersionAsync());
    }

    // The query service does not use RabbitMQ; its version is recorded because every figure of
    // the platform's performance notes carries it.
    private static async Task<string> RabbitMqVersionAsync()
    {
        try
        {
            using var http = new HttpClient
            {
                BaseAddress = new Uri($"http://{Environment.GetEnvironmentVariable("CHAT_RABBITMQ_HOST")}:{Environment.GetEnvironmentVariable("CHAT_RABBITMQ_MANAGEMENT_PORT")}/"),
                Timeout = TimeSpan.FromSeconds(5),
            };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(
                $"{Environment.GetEnvironmentVariable("CHAT_RABBITMQ_USER")}:{Environment.GetEnvironmentVariable("CHAT_RABBITMQ_PASSWORD")}")));
            var overview = await http.GetFromJsonAsync<Overview>("api/overview");
            return overview?.Rabbitmq_version ?? "unknown";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or UriFormatException)
        {
            return "not reachable";
        }
    }

    private sealed record Overview(string? Rabbitmq_version);
}
