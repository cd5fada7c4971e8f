namespace Chat.Ingest.Benchmark;

/// <summary>What a reader needs to know about the machine a figure was measured on.</summary>
public sealed record MachineFacts(int Cores, string Cpu, string Memory, string PostgreSql, string RabbitMq)
{
    public static async Task<MachineFacts> ReadAsync(BenchmarkServers servers)
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";
        var memoryKb = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        var postgres = await servers.ScalarAsync<string>("postgres", "SHOW server_version");
        return new MachineFacts(Environment.ProcessorCount, cpu, $"{long.Parse(memoryKb, System.Globalization.CultureInfo.InvariantCulture) / (1024 * 1024)} GiB",
            postgres, await servers.RabbitMqVersionAsync());
    }
}
