using System.ComponentModel;
using System.Text.Json;
using Chat.Contracts.Projections;
using Chat.Query.Options;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Chat.Query.Reads;

/// <summary>
/// How fresh the analytics views are, from the status documents Chat.Projections keeps with
/// Marten (one per view). Until that service has run once, the table does not exist and every
/// view's freshness is unknown; that is an answer, not an error.
/// </summary>
public sealed class ViewFreshnessReader(ReadDatabase database, IOptions<QueryOptions> options, TimeProvider clock,
    ILogger<ViewFreshnessReader> logger)
{
    // Marten's document table: id (the view name) and data (the document as camelCase JSON).
    private const string Sql = "SELECT data::text FROM projection_status.mt_doc_view_refresh_status WHERE id = ANY($1)";

    private static readonly JsonSerializerOptions MartenJson = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<ViewFreshness>> ReadAsync(IReadOnlyList<StatsView> views, CancellationToken cancellationToken)
    {
        var names = views.Select(v => v.ViewName()).ToArray();
        IReadOnlyList<ViewRefreshStatus?> documents;
        try
        {
            documents = await database.ListAsync(Sql,
                row => JsonSerializer.Deserialize<ViewRefreshStatus>(row.GetString(0), MartenJson),
                cancellationToken, ReadDatabase.Parameter(names));
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.InvalidSchemaName)
        {
            logger.LogDebug("No projection status documents yet ({SqlState}); view freshness is unknown", e.SqlState);
            documents = [];
        }

        var now = clock.GetUtcNow();
        return names
            .Select(name => Describe(name, documents.FirstOrDefault(d => d?.Id == name), now))
            .ToList();
    }

    private ViewFreshness Describe(string view, ViewRefreshStatus? status, DateTimeOffset now)
    {
        var staleness = status?.StalenessAt(now);
        var state = staleness switch
        {
            null => FreshnessState.Unknown,
            { } age when age > options.Value.StaleAfter => FreshnessState.Stale,
            _ => FreshnessState.Fresh,
        };
        return new ViewFreshness(view, state, status?.DataAsOf, staleness?.TotalSeconds, status?.LastSucceededAt,
            status?.LastDurationMs, status?.Rows, status?.LastFailedAt, status?.LastError,
            status?.SucceededCount ?? 0, status?.FailedCount ?? 0);
    }
}

/// <summary>Whether a view's figures are recent enough to trust.</summary>
public enum FreshnessState
{
    [Description("Refreshed recently: its data is no older than the server's staleness limit.")]
    Fresh,

    [Description("Its data is older than the server's staleness limit: refreshes are late or failing.")]
    Stale,

    [Description("No successful refresh is on record (the projection service has not run yet).")]
    Unknown,
}

/// <summary>How fresh one analytics view is.</summary>
public sealed record ViewFreshness(
    string View,
    FreshnessState State,
    DateTimeOffset? DataAsOf,
    double? StalenessSeconds,
    DateTimeOffset? LastRefreshedAt,
    double? LastRefreshDurationMs,
    long? Rows,
    DateTimeOffset? LastFailedAt,
    string? LastError,
    long RefreshesSucceeded,
    long RefreshesFailed);
