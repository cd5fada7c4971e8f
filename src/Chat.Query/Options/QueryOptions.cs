using System.ComponentModel.DataAnnotations;

namespace Chat.Query.Options;

/// <summary>The read side's limits: what one request may ask of the database.</summary>
public sealed class QueryOptions
{
    public const string Section = "Query";

    /// <summary>The largest page a connection (<c>first</c>) or a top list may return.</summary>
    [Range(1, 10_000)]
    public int MaxPageSize { get; set; } = 1000;

    /// <summary>
    /// How deep a query may nest its selections. The schema itself is at most 5 deep; the
    /// explorer's introspection query (type references nested nine times) needs 15.
    /// </summary>
    [Range(2, 100)]
    public int MaxDepth { get; set; } = 15;

    /// <summary>
    /// The most a query may cost, as GraphQL.NET's complexity analyzer counts it: every field
    /// costs 1, times the page size of the list it is in (so one 1000-message page of 7 fields
    /// costs about 7,000).
    /// </summary>
    [Range(10, 10_000_000)]
    public int MaxComplexity { get; set; } = 25_000;

    /// <summary>
    /// What each field that runs a database statement adds to a query's cost, however it is
    /// selected (aliases and repeated fields each count). With the default budget a document
    /// may run at most 24 statements, so none can take the connection pool.
    /// </summary>
    [Range(0, 1_000_000)]
    public int DatabaseFieldCost { get; set; } = 1000;

    /// <summary>
    /// The share of their normal cost that introspection fields count (answered from memory,
    /// but not free: a document of thousands of them still costs). At the default the explorer's
    /// schema query fits the budget (The_limits).
    /// </summary>
    [Range(0.0, 1.0)]
    public double IntrospectionCost { get; set; } = 0.02;

    /// <summary>The largest POST body accepted, in bytes.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>How long one database statement may run before it is cancelled (whole seconds).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:00:30")]
    public TimeSpan StatementTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The widest time window of the windowed analytics (active users, hourly activity).</summary>
    [Range(typeof(TimeSpan), "01:00:00", "3660.00:00:00")]
    public TimeSpan MaxAnalyticsWindow { get; set; } = TimeSpan.FromDays(31);

    /// <summary>A view whose data is older than this is reported as stale.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(5);
}
