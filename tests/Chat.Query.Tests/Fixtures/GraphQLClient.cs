using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Chat.Query.Tests.Fixtures;

/// <summary>Posts GraphQL requests to the service as a client would and reads the answer.</summary>
public sealed class GraphQLClient(HttpClient http)
{
    public HttpClient Http { get; } = http;

    public async Task<GraphQLAnswer> QueryAsync(string query, object? variables = null, string? operationName = null)
    {
        using var response = await Http.PostAsJsonAsync("/graphql", new { query, variables, operationName });
        return await GraphQLAnswer.ReadAsync(response);
    }

    /// <summary>Runs a query that must succeed and returns its data.</summary>
    public async Task<JsonElement> DataAsync(string query, object? variables = null)
    {
        var answer = await QueryAsync(query, variables);
        Assert.True(answer.Errors is null, $"unexpected errors: {answer.Body}");
        return answer.Data;
    }
}

public sealed record GraphQLAnswer(HttpStatusCode Status, string? ContentType, JsonElement Body)
{
    public JsonElement Data => Body.GetProperty("data");

    public JsonElement? Errors => Body.TryGetProperty("errors", out var errors) ? errors : null;

    public JsonElement FirstError => Errors?[0] ?? throw new InvalidOperationException($"no errors in {Body}");

    public string? ErrorCode => FirstError.TryGetProperty("extensions", out var e) && e.TryGetProperty("code", out var c) ? c.GetString() : null;

    public string ErrorMessage => FirstError.GetProperty("message").GetString()!;

    public static async Task<GraphQLAnswer> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return new GraphQLAnswer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, document.RootElement.Clone());
    }
}
