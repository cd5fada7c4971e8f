using System.Text.Json;
using Chat.Contracts.Projections;

namespace Chat.Projections.Tests;

/// <summary>Reads what Chat.Projections recorded, the way other services do: plain SQL.</summary>
public static class RefreshHistory
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The view's status document, read as chat_query (as Chat.Query reads it); null before its first refresh.</summary>
    public static async Task<ViewRefreshStatus?> StatusAsync(PostgresDatabase database, ProjectedView view)
    {
        await using var dataSource = database.CreateDataSource(DatabaseRole.Query);
        await using var command = dataSource.CreateCommand(
            "SELECT data::text FROM projection_status.mt_doc_view_refresh_status WHERE id = $1");
        command.Parameters.AddWithValue(view.Name);
        try
        {
            return await command.ExecuteScalarAsync() is string json ? JsonSerializer.Deserialize<ViewRefreshStatus>(json, Json) : null;
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == "42P01")
        {
            return null; // Marten creates the table on first use
        }
    }

    /// <summary>The view's events in stream order: (type, data).</summary>
    public static async Task<IReadOnlyList<(string Type, JsonElement Data)>> EventsAsync(PostgresDatabase database, ProjectedView view)
    {
        await using var dataSource = database.CreateDataSource();
        await using var command = dataSource.CreateCommand(
            "SELECT type, data::text FROM projection_status.mt_events WHERE stream_id = $1 ORDER BY version");
        command.Parameters.AddWithValue(view.Name);
        var events = new List<(string, JsonElement)>();
        try
        {
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                events.Add((reader.GetString(0), JsonDocument.Parse(reader.GetString(1)).RootElement.Clone()));
            }
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == "42P01")
        {
            // no event recorded yet
        }

        return events;
    }

    public static async Task<ViewRefreshStatus> SucceededAsync(PostgresDatabase database, ProjectedView view, long count = 1) =>
        (await Eventually.ValueAsync(
            () => StatusAsync(database, view), s => s?.SucceededCount >= count, $"{count} successful refresh(es) of {view}"))!;
}
