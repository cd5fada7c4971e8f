using System.Globalization;

namespace Chat.LoadTest.Sampling;

/// <summary>
/// CPU and memory of process groups, and of the whole machine, from /proc. CPU is a percentage
/// of one core (a group using both cores of this machine shows 200%), from the change in
/// utime + stime since the previous sample; the machine's is busy time over all cores (0-100%).
/// </summary>
public sealed class ProcessSampler(IReadOnlyList<ProcessGroup> groups)
{
    // USER_HZ: /proc reports CPU time in ticks of 1/100 s on every Linux architecture .NET runs on.
    private const double TicksPerSecond = 100;

    private readonly Dictionary<string, long> _lastTicks = [];
    private long _lastMachineBusy;
    private long _lastMachineTotal;
    private long _lastTimestamp;

    public IReadOnlyList<ProcessGroup> Groups => groups;

    public ResourceSample Sample()
    {
        var now = System.Diagnostics.Stopwatch.GetTimestamp();
        var seconds = _lastTimestamp == 0 ? double.NaN : System.Diagnostics.Stopwatch.GetElapsedTime(_lastTimestamp, now).TotalSeconds;
        _lastTimestamp = now;
        var children = ChildrenByParent();
        var result = new Dictionary<string, (double CpuPercent, double MemoryMb)>();
        foreach (var group in groups)
        {
            var pids = group.RootPid() is { } root ? Descendants(root, children) : [];
            long ticks = 0;
            double memoryKb = 0;
            foreach (var pid in pids)
            {
                ticks += CpuTicks(pid);
                memoryKb += group.Memory == ProcessMemory.Pss ? ReadKb($"/proc/{pid}/smaps_rollup", "Pss:") : ReadKb($"/proc/{pid}/status", "VmRSS:");
            }

            var cpu = pids.Count > 0 && _lastTicks.TryGetValue(group.Name, out var last) && ticks >= last && seconds > 0
                ? (ticks - last) / TicksPerSecond / seconds * 100
                : double.NaN;
            _lastTicks[group.Name] = ticks;
            result[group.Name] = (cpu, pids.Count > 0 ? memoryKb / 1024 : double.NaN);
        }

        return new ResourceSample(result, MachineCpuPercent());
    }

    private double MachineCpuPercent()
    {
        // First line of /proc/stat: cpu user nice system idle iowait irq softirq steal ...
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..]
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var idle = fields[3] + (fields.Length > 4 ? fields[4] : 0);
        var total = fields.Take(8).Sum();
        var busy = total - idle;
        var percent = _lastMachineTotal > 0 && total > _lastMachineTotal
            ? (double)(busy - _lastMachineBusy) / (total - _lastMachineTotal) * 100
            : double.NaN;
        (_lastMachineBusy, _lastMachineTotal) = (busy, total);
        return percent;
    }

    private static Dictionary<int, List<int>> ChildrenByParent()
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            if (StatFields(pid) is { } stat && int.TryParse(stat[1], NumberStyles.None, CultureInfo.InvariantCulture, out var parent))
            {
                (children.TryGetValue(parent, out var list) ? list : children[parent] = []).Add(pid);
            }
        }

        return children;
    }

    private static List<int> Descendants(int root, Dictionary<int, List<int>> children)
    {
        var result = new List<int> { root };
        for (var i = 0; i < result.Count; i++)
        {
            if (children.TryGetValue(result[i], out var list))
            {
                result.AddRange(list);
            }
        }

        return result;
    }

    private static long CpuTicks(int pid) =>
        StatFields(pid) is { } stat
            ? long.Parse(stat[11], CultureInfo.InvariantCulture) + long.Parse(stat[12], CultureInfo.InvariantCulture)
            : 0;

    /// <summary>The fields of /proc/{pid}/stat after "(comm)": state is [0], ppid [1], utime [11], stime [12].</summary>
    private static string[]? StatFields(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var close = text.LastIndexOf(')');
            return close < 0 ? null : text[(close + 2)..].Split(' ');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // the process ended between listing and reading
        }
    }

    private static double ReadKb(string path, string key)
    {
        try
        {
            foreach (var line in File.ReadLines(path))
            {
                if (line.StartsWith(key, StringComparison.Ordinal))
                {
                    return double.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        return 0;
    }
}

/// <summary>CPU % (of one core) and memory (MB) per group, and the machine's CPU % (of all cores).</summary>
public sealed record ResourceSample(IReadOnlyDictionary<string, (double CpuPercent, double MemoryMb)> Groups, double MachineCpuPercent)
{
    public double Cpu(string group) => Groups.TryGetValue(group, out var g) ? g.CpuPercent : double.NaN;

    public double MemoryMb(string group) => Groups.TryGetValue(group, out var g) ? g.MemoryMb : double.NaN;
}
