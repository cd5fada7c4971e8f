namespace Chat.LoadTest.Sampling;

/// <summary>The process groups a load run watches, by name.</summary>
public static class ProcessGroups
{
    public const string Ingest = "ingest";
    public const string Postgres = "postgres";
    public const string RabbitMq = "rabbitmq";
    public const string LoadTool = "loadtest";

    public static IReadOnlyList<ProcessGroup> Find(string? ingestPidFile, string? postgresPidFile, int? rabbitMqPid) =>
    [
        new(Ingest, ProcessGroup.FromPidFile(ingestPidFile), ProcessMemory.Rss),
        new(Postgres, ProcessGroup.FromPidFile(postgresPidFile), ProcessMemory.Pss),
        new(RabbitMq, ProcessGroup.Fixed(rabbitMqPid), ProcessMemory.Rss),
        new(LoadTool, () => Environment.ProcessId, ProcessMemory.Rss),
    ];
}
