using System.Globalization;

namespace Chat.LoadTest.Sampling;

/// <summary>
/// A process and all its descendants, found anew at every sample from a pid file (a restarted
/// ingest, PostgreSQL's backends), e.g. "postgres": the postmaster of this worktree's cluster
/// and its backends, not the other clusters on the machine.
/// </summary>
public sealed record ProcessGroup(string Name, Func<int?> RootPid, ProcessMemory Memory)
{
    /// <summary>A pid given once (RabbitMQ writes no pid file here), while that process lives.</summary>
    public static Func<int?> Fixed(int? pid) => () => pid is { } p && Directory.Exists($"/proc/{p}") ? p : null;

    /// <summary>The pid on the first line of a pid file (PostgreSQL's postmaster.pid, RabbitMQ's, ours).</summary>
    public static Func<int?> FromPidFile(string? path) => () =>
    {
        try
        {
            return path is not null && File.Exists(path)
                && int.TryParse(File.ReadLines(path).FirstOrDefault()?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && Directory.Exists($"/proc/{pid}")
                ? pid
                : null;
        }
        catch (IOException)
        {
            return null;
        }
    };
}

public enum ProcessMemory
{
    /// <summary>Resident set size: right for one process.</summary>
    Rss,

    /// <summary>Proportional set size summed: shared memory (PostgreSQL's shared buffers) is counted once, not once per backend.</summary>
    Pss,
}
