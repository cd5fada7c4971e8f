using Npgsql;

namespace Chat.Ingest.Extensions;

/// <summary>How the ingest's NpgsqlDataSource differs from the default.</summary>
public static class IngestDataSource
{
    public static void Configure(NpgsqlDataSourceBuilder builder)
    {
        // Keep session state when a connection goes back to the pool: the batch writer's
        // temporary staging table then lives as long as the physical connection, instead of
        // being dropped by DISCARD ALL and created again (catalog churn) for every batch.
        builder.ConnectionStringBuilder.NoResetOnClose = true;
    }
}
