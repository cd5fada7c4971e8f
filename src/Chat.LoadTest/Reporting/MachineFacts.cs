using System.Globalization;
using System.Runtime.InteropServices;

namespace Chat.LoadTest.Reporting;

/// <summary>The machine a run was measured on. LoadAverage at the start tells whether it had the machine to itself.</summary>
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
