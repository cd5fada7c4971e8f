namespace Chat.Query.Pipeline;

/// <summary>One watched service instance as the pipeline panel shows it.</summary>
/// <param name="Since">When it entered <paramref name="State"/>, as far as Chat.Query has seen (its first check if it has been so since).</param>
/// <param name="LastError">What the latest failed check found; kept after the service recovers, with <paramref name="LastErrorAt"/>.</param>
public sealed record ServiceStatus(
    string Name,
    PipelineServiceKind Kind,
    Uri? Address,
    PipelineServiceState State,
    DateTimeOffset? Since,
    DateTimeOffset? LastCheckedAt,
    string? LastError,
    DateTimeOffset? LastErrorAt)
{
    public static ServiceStatus NotConfigured(string name, PipelineServiceKind kind) =>
        new(name, kind, null, PipelineServiceState.NotConfigured, null, null, null, null);
}
