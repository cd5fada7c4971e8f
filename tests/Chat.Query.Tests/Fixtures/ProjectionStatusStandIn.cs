using System.Text.Json;
using Chat.Contracts.Projections;

namespace Chat.Query.Tests.Fixtures;

/// <summary>
/// STAND-IN for Chat.Projections: creates the Marten document table that service keeps its view
/// refresh status in (projection_status.mt_doc_view_refresh_status, same shape as Marten makes
/// it) and writes status documents, so the query side's freshness can be tested without that
/// service. Created as chat_projections, which owns the schema, as the real service does.
/// </summary>
public static class ProjectionStatusStandIn
{
    private static readonly JsonSerializerOptions MartenJson = new(JsonSerializerDefaults.Web);

    public static Task CreateTableAsync(PostgresDatabase database) => database.ExecuteAsync("""
        CREATE TABLE IF NOT EXISTS projection_status.mt_doc_view_refresh_status (
            id               varchar PRIMARY KEY,
            data             jsonb NOT NULL,
            mt_last_modified timestamptz DEFAULT transaction_timestamp(),
            mt_version       uuid NOT NULL DEFAULT gen_random_uuid(),
            mt_dotnet_type   varchar
        )
        """, DatabaseRole.Projections);

    public static async Task StoreAsync(PostgresDatabase database, ViewRefreshStatus status)
    {
        await using var dataSource = database.CreateDataSource(DatabaseRole.Projections);
        await using var command = dataSource.CreateCommand("""
            INSERT INTO projection_status.mt_doc_view_refresh_status (id, data, mt_dotnet_type)
            VALUES ($1, $2::jsonb, $3)
            ON CONFLICT (id) DO UPDATE SET data = excluded.data, mt_last_modified = transaction_timestamp()
            """);
        command.Parameters.AddWithValue(status.Id);
        command.Parameters.AddWithValue(JsonSerializer.Serialize(status, MartenJson));
        command.Parameters.AddWithValue(typeof(ViewRefreshStatus).FullName!);
        await command.ExecuteNonQueryAsync();
    }
}
