using System.Net;
using System.Text;
using Chat.Query.Tests.Fixtures;
using Npgsql;

namespace Chat.Query.Tests;

/// <summary>Each safety limit stops a request with an error that names the limit.</summary>
public sealed class The_limits(ChatHistoryService service) : IClassFixture<ChatHistoryService>
{
    [Fact]
    public async Task A_query_nested_deeper_than_allowed_is_rejected_before_it_runs()
    {
        var client = service.CreateService(new Dictionary<string, string> { ["Query:MaxDepth"] = "3" }).CreateGraphQLClient();

        var answer = await client.QueryAsync("{ roomTimeline(roomId: 1) { edges { node { id } } } }");

        Assert.Equal("COMPLEXITY", answer.ErrorCode);
        Assert.Contains("nested", answer.ErrorMessage, StringComparison.OrdinalIgnoreCase);
        Assert.False(answer.Body.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task A_query_costlier_than_allowed_is_rejected_before_it_runs()
    {
        var answer = await service.Client.QueryAsync("""
            {
              a: roomTimeline(roomId: 1, first: 1000) { edges { cursor node { id roomId userId username content type timestamp } } }
              b: roomTimeline(roomId: 2, first: 1000) { edges { cursor node { id roomId userId username content type timestamp } } }
              c: roomTimeline(roomId: 3, first: 1000) { edges { cursor node { id roomId userId username content type timestamp } } }
            }
            """);

        Assert.Equal("COMPLEXITY", answer.ErrorCode);
        Assert.Contains("Complexity is", answer.ErrorMessage);
    }

    [Fact]
    public async Task A_full_page_is_within_the_complexity_limit()
    {
        var data = await service.Client.DataAsync("""
            { roomTimeline(roomId: 1, first: 1000) { edges { cursor node { id roomId userId username content type timestamp } } pageInfo { hasNextPage } } }
            """);

        Assert.Equal(25, data.GetProperty("roomTimeline").GetProperty("edges").GetArrayLength());
    }

    [Fact]
    public async Task The_explorers_introspection_query_is_within_the_limits()
    {
        var introspection = await File.ReadAllTextAsync(
            Path.Combine(LocalSettings.RepositoryRoot, "tests", "Chat.Query.Tests", "graphiql-introspection.graphql"));

        var data = await service.Client.DataAsync(introspection);

        Assert.Equal("Query", data.GetProperty("__schema").GetProperty("queryType").GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_413()
    {
        var padding = new string(' ', 70 * 1024);
        using var content = new StringContent($$"""{"query": "{ __typename }{{padding}}"}""", Encoding.UTF8, "application/json");

        var answer = await GraphQLAnswer.ReadAsync(await service.Client.Http.PostAsync("/graphql", content));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.Status);
        Assert.Equal("REQUEST_TOO_LARGE", answer.ErrorCode);
    }

    [Fact]
    public async Task A_statement_that_runs_past_the_timeout_is_cancelled_with_a_clear_error()
    {
        var client = service.CreateService(new Dictionary<string, string> { ["Query:StatementTimeout"] = "00:00:01" }).CreateGraphQLClient();
        // Hold a lock that every read of messages waits for, so the statement cannot finish in time.
        await using var admin = new NpgsqlConnection(service.ConnectionString());
        await admin.OpenAsync();
        await using var transaction = await admin.BeginTransactionAsync();
        await using (var lockMessages = new NpgsqlCommand("LOCK TABLE messages IN ACCESS EXCLUSIVE MODE", admin, transaction))
        {
            await lockMessages.ExecuteNonQueryAsync();
        }

        var answer = await client.QueryAsync("""{ message(id: "r1-00") { id } }""");
        await transaction.RollbackAsync();

        Assert.Equal("QUERY_TIMEOUT", answer.ErrorCode);
        Assert.Contains("'message' took longer than the 1 s", answer.ErrorMessage);
    }

    [Fact]
    public async Task An_unreachable_database_is_reported_without_internals()
    {
        var unreachable = new NpgsqlConnectionStringBuilder(service.ConnectionString(DatabaseRole.Query)) { Port = 1, Timeout = 2 }.ConnectionString;
        var client = service.CreateService(connectionString: unreachable).CreateGraphQLClient();

        var answer = await client.QueryAsync("""{ message(id: "r1-00") { id } }""");

        Assert.Equal("DATABASE_UNAVAILABLE", answer.ErrorCode);
        Assert.DoesNotContain("Npgsql", answer.Body.ToString());
        Assert.DoesNotContain("   at ", answer.Body.ToString());
    }
}
