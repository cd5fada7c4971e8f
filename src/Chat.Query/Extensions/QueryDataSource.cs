using Npgsql;

namespace Chat.Query.Extensions;

/// <summary>How the read side's NpgsqlDataSource differs from the default (docs/QUERY.md, "Performance").</summary>
public static class QueryDataSource
{
    /// <summary>The most connections one Chat.Query instance opens.</summary>
    public const int MaxPoolSize = 40;

    public static void Configure(NpgsqlDataSourceBuilder builder)
    {
        var connection = builder.ConnectionStringBuilder;

        // Every request runs a few short statements on pooled connections. The readers change no
        // session state, so there is nothing for DISCARD ALL to clean up on each return to the
        // pool, and the same few statements are worth preparing once per physical connection
        // (parse and analyze once, not per request). Both measured on the room timeline at 10M
        // messages; a connection string that sets Max Auto Prepare keeps its own choice.
        connection.NoResetOnClose = true;
        if (connection.MaxAutoPrepare == 0)
        {
            connection.MaxAutoPrepare = 32;
        }

        // The chat_query role may hold 60 connections (schema/0009_1): one instance's pool stays
        // below that, so the read side never takes what the ingest and projections need.
        if (!connection.ContainsKey("Max Pool Size") || connection.MaxPoolSize > MaxPoolSize)
        {
            connection.MaxPoolSize = MaxPoolSize;
        }

        // Prepared statements would let PostgreSQL switch to a generic plan after five runs. The
        // readers' optional filters and time ranges need plans made for their actual arguments.
        connection.Options = $"{connection.Options} -c plan_cache_mode=force_custom_plan".Trim();
    }
}
