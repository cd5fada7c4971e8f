namespace Chat.Query.Pipeline;

/// <summary>The outcome of one check of a service: its state and, when it is not up, why.</summary>
public sealed record ServiceCheck(PipelineServiceState State, string? Error = null)
{
    public static readonly ServiceCheck Up = new(PipelineServiceState.Up);
}
