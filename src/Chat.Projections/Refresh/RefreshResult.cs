namespace Chat.Projections.Refresh;

/// <summary>How one attempt to refresh a view ended.</summary>
public enum RefreshResult
{
    Succeeded,
    Failed,

    /// <summary>Another instance was refreshing the view; this one did nothing and recorded nothing.</summary>
    Skipped,
}
