using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace Chat.Projections.Benchmark;

/// <summary>What the figures were measured on.</summary>
public sealed record MachineFacts(int Cores, string Cpu, string Memory, string PostgreSql, string RabbitMq)
{
    public static async Task<MachineFacts> ReadAsync(NpgsqlDataSource admin)
    {
        await using var version = admin.CreateCommand("SHOW server_version");
        var postgres = (string)(await version.ExecuteScalarAsync())!;
        var memory = ProcValue("/proc/meminfo", "MemTotal").Split(' ')[0] is var kb && long.TryParse(kb, out var kib)
            ? $"{kib / 1024.0 / 1024.0:F1} GiB"
            : "unknown";
        return new MachineFacts(Environment.ProcessorCount, ProcValue("/proc/cpuinfo", "model name"), memory, postgres,
            await RabbitMqVersionAsync());
    }

    private static string ProcValue(string file, string key) =>
        File.Exists(file)
            ? File.ReadLines(file).Where(l => l.StartsWith(key, StringComparison.Ordinal)).Select(l => l.Split(':', 2)[1].Trim()).FirstOrDefault() ?? "unknown"
            : "unknown";

    // From the local broker's management API, when './chat up' runs one; the refresh timings do not use it.
    private static async Task<string> RabbitMqVersionAsync()
    {
        var port = Environment.GetEnvironmentVariable("CHAT_RABBITMQ_MANAGEMENT_PORT");
        var user = Environment.GetEnvironmentVariable("CHAT_RABBITMQ_USER");
        var password = Environment.GetEnvironmentVariable("CHAT_RABBITMQ_PASSWORD");
        if (port is null || user is null || password is null)
        {
            return "not running";
        }

        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
            var overview = await client.GetFromJsonAsync<JsonElement>($"http://127.0.0.1:{port}/api/overview");
            return overview.GetProperty("rabbitmq_version").GetString() ?? "unknown";
        }
        catch (HttpRequestException)
        {
            return "not running";
        }
    }
}
