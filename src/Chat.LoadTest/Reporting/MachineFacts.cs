using System.Globalization;
using System.Runtime.InteropServices;
using Chat.LoadTest.Publishing;
using Chat.LoadTest.Sampling;
using Chat.LoadTest.Verification;
using Npgsql;

namespace Chat.LoadTest.Reporting;

/// <summary>
/// The machine a run was measured on, for every benchmark and load run of the platform.
/// LoadAverage at the start tells whether it had the machine to itself.
/// </summary>
public sealed record MachineFacts(
    int Processors,
    string CpuModel,
    double MemoryGb,
    string OperatingSystem,
    string Kernel,
    string DotNet,
    string PostgreSql,
    string RabbitMq,
    string Erlang,
    string LoadAverage)
{
    /// <summary>Reads the facts, with the versions of the database and broker the figures came from.</summary>
    public static async Task<MachineFacts> ReadAsync(NpgsqlDataSource database, RabbitMqSettings broker, CancellationToken cancellationToken)
    {
        await using var queues = new BrokerQueues(broker);
        var (rabbitMq, erlang) = await queues.VersionsAsync(cancellationToken);
        return Collect(await new RunDatabase(database).ServerVersionAsync(cancellationToken), rabbitMq, erlang);
    }

    /// <summary>One line for a report: what the figures were measured on.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Processors} cores ({CpuModel}), {MemoryGb:0.#} GiB, {OperatingSystem}, {DotNet}, PostgreSQL {PostgreSql}, RabbitMQ {RabbitMq} (Erlang {Erlang}); load average at the start {LoadAverage}");

    public static MachineFacts Collect(string postgreSql, string rabbitMq, string erlang) => new(
        Environment.ProcessorCount,
        FirstValue("/proc/cpuinfo", "model name") ?? "unknown",
        Math.Round(double.Parse(FirstValue("/proc/meminfo", "MemTotal")?.Split(' ')[0] ?? "0", CultureInfo.InvariantCulture) / 1024 / 1024, 1),
        FirstValue("/etc/os-release", "PRETTY_NAME", '=')?.Trim('"') ?? RuntimeInformation.OSDescription,
        ReadOrUnknown("/proc/sys/kernel/osrelease"),
        RuntimeInformation.FrameworkDescription,
        postgreSql,
        rabbitMq,
        erlang,
        string.Join(' ', ReadOrUnknown("/proc/loadavg").Split(' ').Take(3)));

    private static string? FirstValue(string path, string key, char separator = ':')
    {
        if (!File.Exists(path))
        {
            return null;
        }

        return File.ReadLines(path)
            .Where(line => line.StartsWith(key, StringComparison.Ordinal) && line.Contains(separator, StringComparison.Ordinal))
            .Select(line => line[(line.IndexOf(separator, StringComparison.Ordinal) + 1)..].Trim())
            .FirstOrDefault();
    }

    private static string ReadOrUnknown(string path) => File.Exists(path) ? File.ReadAllText(path).Trim() : "unknown";
}
