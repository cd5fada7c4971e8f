using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Chat.LoadTest.Demo;

/// <summary>Asks Chat.Query's GraphQL endpoint a question, as any dashboard would (POST /graphql).</summary>
public sealed class ChatGraphQLClient(HttpClient http, Uri endpoint)
{
    public async Task<JsonNode> QueryAsync(string query, object? variables, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(endpoint, new { query, variables }, cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonNode>(cancellationToken)
            ?? throw new InvalidOperationException("Chat.Query returned an empty body.");
        if (body["errors"] is JsonArray { Count: > 0 } errors)
        {
            throw new InvalidOperationException($"Chat.Query answered with errors: {errors.ToJsonString(new JsonSerializerOptions { WriteIndented = false })}");
        }

        return body["data"] ?? throw new InvalidOperationException("Chat.Query returned no data.");
    }
}
