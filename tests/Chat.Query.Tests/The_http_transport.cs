using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Chat.Query.Tests.Fixtures;

namespace Chat.Query.Tests;

/// <summary>/graphql as the GraphQL-over-HTTP specification describes it.</summary>
public sealed class The_http_transport(ChatHistoryService service) : IClassFixture<ChatHistoryService>
{
    private const string GraphQLResponse = "application/graphql-response+json";
    private const string ValidQuery = """{ message(id: "r1-00") { id } }""";

    private HttpClient Http => service.Client.Http;

    [Fact]
    public async Task A_post_with_a_json_body_runs_the_query()
    {
        var answer = await PostAsync("""{"query": "{ message(id: \"r1-00\") { id } }"}""");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("application/json", answer.ContentType);
        Assert.Equal("r1-00", answer.Data.GetProperty("message").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Variables_and_the_operation_name_are_honoured()
    {
        var answer = await service.Client.QueryAsync("""
            query First($id: ID!) { message(id: $id) { id } }
            query Second($id: ID!) { message(id: $id) { content } }
            """, new { id = "r2-01" }, "Second");

        Assert.Equal("room two, message 1", answer.Data.GetProperty("message").GetProperty("content").GetString());
    }

    [Fact]
    public async Task A_get_runs_a_query_from_the_url()
    {
        var url = "/graphql?query=" + Uri.EscapeDataString("query Q($id: ID!) { message(id: $id) { id } }")
                  + "&variables=" + Uri.EscapeDataString("""{"id": "r3-1"}""") + "&operationName=Q";

        var answer = await GraphQLAnswer.ReadAsync(await Http.GetAsync(url));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("r3-1", answer.Data.GetProperty("message").GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_mutation_over_get_is_405_and_says_to_use_post()
    {
        using var response = await Http.GetAsync("/graphql?query=" + Uri.EscapeDataString("mutation { anything }"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("POST", response.Content.Headers.Allow);
        Assert.Contains("use POST", (await GraphQLAnswer.ReadAsync(response)).ErrorMessage);
    }

    [Fact]
    public async Task Other_methods_are_405()
    {
        using var response = await Http.PutAsync("/graphql", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "POST"], response.Content.Headers.Allow.Order());
    }

    [Fact]
    public async Task Graphql_response_json_is_answered_in_kind_with_400_for_an_invalid_document()
    {
        var answer = await PostAsync("""{"query": "{ noSuchField }"}""", accept: GraphQLResponse);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(GraphQLResponse, answer.ContentType);
        Assert.False(answer.Body.TryGetProperty("data", out _));
        Assert.Contains("noSuchField", answer.ErrorMessage);
    }

    [Fact]
    public async Task Graphql_response_json_is_400_for_a_syntax_error()
    {
        var answer = await PostAsync("""{"query": "{ message(id: "}""", accept: GraphQLResponse);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("SYNTAX_ERROR", answer.ErrorCode);
    }

    [Fact]
    public async Task Graphql_response_json_is_200_when_the_query_ran_even_with_field_errors()
    {
        var answer = await PostAsync("""{"query": "{ roomTimeline(roomId: 99) { nodes { id } } }"}""", accept: GraphQLResponse);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("UNKNOWN_ROOM", answer.ErrorCode);
    }

    [Fact]
    public async Task Application_json_is_200_for_an_invalid_document()
    {
        var answer = await PostAsync("""{"query": "{ noSuchField }"}""", accept: "application/json");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("application/json", answer.ContentType);
        Assert.Equal("FIELDS_ON_CORRECT_TYPE", answer.ErrorCode);
    }

    [Theory]
    [InlineData("application/graphql-response+json, application/json;q=0.9", GraphQLResponse)]
    [InlineData("application/json, application/graphql-response+json;q=0.5", "application/json")]
    [InlineData("*/*", "application/json")]
    [InlineData(null, "application/json")]
    public async Task The_accept_header_picks_the_media_type(string? accept, string expected)
    {
        var answer = await PostAsync($$"""{"query": "{{ValidQuery.Replace("\"", "\\\"")}}"}""", accept: accept);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(expected, answer.ContentType);
    }

    [Fact]
    public async Task An_unacceptable_accept_header_is_406()
    {
        var answer = await PostAsync("""{"query": "{ __typename }"}""", accept: "application/xml");

        Assert.Equal(HttpStatusCode.NotAcceptable, answer.Status);
        Assert.Contains("Accept", answer.ErrorMessage);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=latin1")]
    public async Task A_body_that_is_not_utf8_json_is_415(string contentType)
    {
        using var content = new ByteArrayContent("""{"query": "{ __typename }"}"""u8.ToArray());
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        var answer = await GraphQLAnswer.ReadAsync(await Http.PostAsync("/graphql", content));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, answer.Status);
        Assert.Contains("application/json", answer.ErrorMessage);
    }

    [Theory]
    [InlineData("{not json", "not a valid GraphQL request")]
    [InlineData("""[{"query": "{ __typename }"}]""", "Batched requests")]
    [InlineData("""{"variables": {}}""", "no 'query'")]
    [InlineData("""{"query": ""}""", "no 'query'")]
    public async Task A_malformed_request_is_400_with_a_reason(string body, string reason)
    {
        var answer = await PostAsync(body, accept: GraphQLResponse);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("BAD_REQUEST", answer.ErrorCode);
        Assert.Contains(reason, answer.ErrorMessage);
    }

    [Fact]
    public async Task Get_variables_that_are_not_json_are_400()
    {
        var answer = await GraphQLAnswer.ReadAsync(await Http.GetAsync("/graphql?query=%7B__typename%7D&variables=nope"));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("'variables'", answer.ErrorMessage);
    }

    private async Task<GraphQLAnswer> PostAsync(string body, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return await GraphQLAnswer.ReadAsync(await Http.SendAsync(request));
    }
}
