using Chat.Query.Reads;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Query.GraphQL;

/// <summary>The 'freshness' field every view-backed result has; read only when a query selects it.</summary>
public static class FreshnessField
{
    public static void AddFreshnessField<T>(this ObjectGraphType<T> type, params StatsView[] views) =>
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ViewFreshnessGraphType>>>>("freshness")
            .Description("How fresh the views these figures come from are: " + string.Join(", ", views.Select(v => v.ViewName())) + ".")
            .ResolveAsync(async context => await context.RequestServices!.GetRequiredService<ViewFreshnessReader>()
                .ReadAsync(views, context.CancellationToken))
            .ReadsDatabase();
}
