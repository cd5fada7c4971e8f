namespace Chat.Query.Access;

/// <summary>
/// The roles a token may carry and what each may read. Fields name the roles that may select
/// them (GraphQL.NET's AuthorizeWithRoles metadata); admin is in every list.
/// </summary>
public static class ChatRoles
{
    /// <summary>Analytics and freshness; no message content.</summary>
    public const string Viewer = "viewer";

    /// <summary>Timelines, histories, search and the live feed (optionally only the rooms in its token), and the analytics.</summary>
    public const string Reader = "reader";

    /// <summary>The pipeline's health and refresh requests, and the analytics.</summary>
    public const string Operator = "operator";

    /// <summary>Everything.</summary>
    public const string Admin = "admin";

    public static readonly string[] All = [Viewer, Reader, Operator, Admin];

    /// <summary>Who may read the analytics (views, active users, freshness).</summary>
    public const string AnalyticsReaders = $"{Viewer},{Reader},{Operator},{Admin}";

    /// <summary>Who may read messages and who posted where.</summary>
    public const string MessageReaders = $"{Reader},{Admin}";

    /// <summary>Who may read the pipeline's internals.</summary>
    public const string PipelineReaders = $"{Operator},{Admin}";
}
