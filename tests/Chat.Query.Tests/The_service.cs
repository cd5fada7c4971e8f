using System.Net;
using Chat.Query.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Chat.Query.Tests;

/// <summary>What operators see: health, metrics, the explorer, and a connection that cannot write.</summary>
public sealed class The_service(ChatHistoryService service) : IClassFixture<ChatHistoryService>
{
    [Theory]
    [InlineData("INSERT INTO messages (message_id, room_id, user_id, content, \"timestamp\") VALUES ('w1', 1, 'u', 'c', now())")]
    [InlineData("UPDATE messages SET content = 'changed'")]
    [InlineData("DELETE FROM messages")]
    public async Task Its_own_database_connection_cannot_write(string statement)
    {
        var dataSource = service.CreateService().Services.GetRequiredService<NpgsqlDataSource>();
        await using var command = dataSource.CreateCommand(statement);

        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.True(error.SqlState is PostgresErrorCodes.ReadOnlySqlTransaction or PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
        Assert.Equal(25L, await service.ScalarAsync<long>("SELECT count(*) FROM messages WHERE room_id = 1"));
    }

    [Fact]
    public async Task Is_live_and_ready_with_its_database()
    {
        Assert.Equal(HttpStatusCode.OK, (await service.Client.Http.GetAsync("/health/live")).StatusCode);
        var ready = await service.Client.Http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("postgres", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Counts_and_times_requests_per_operation_in_its_metrics()
    {
        await service.Client.DataAsync("""{ userRooms(userId: "bob") { roomId } }""");
        await service.Client.QueryAsync("{ noSuchField }");

        var metrics = await service.Client.Http.GetStringAsync("/metrics");

        Assert.Matches("""chat_query_requests_total\{operation="userRooms",outcome="ok"\} [1-9]""", metrics);
        Assert.Matches("""chat_query_requests_total\{operation="invalid",outcome="rejected"\} [1-9]""", metrics);
        Assert.Matches("""chat_query_request_duration_seconds_count\{operation="userRooms"\} [1-9]""", metrics);
    }

    [Fact]
    public async Task A_browser_gets_the_explorer_page_and_its_bundle()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

        using var page = await service.Client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        var script = System.Text.RegularExpressions.Regex.Match(html, """<script type="module" crossorigin src="(/explorer/assets/[^"]+\.js)"></script>""");
        Assert.True(script.Success, html);
        Assert.DoesNotContain("https://", html);

        using var bundle = await service.Client.Http.GetAsync(script.Groups[1].Value);
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.Equal("text/javascript", bundle.Content.Headers.ContentType?.MediaType);
        Assert.Contains("graphiql", await bundle.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Its_schema_documents_every_type_field_and_argument_for_the_explorer()
    {
        var types = (await service.Client.DataAsync("""
            { __schema { types { name description fields { name description args { name description } } } } }
            """)).GetProperty("__schema").GetProperty("types").EnumerateArray()
            .Where(t => !t.GetProperty("name").GetString()!.StartsWith("__", StringComparison.Ordinal))
            .Where(t => t.GetProperty("name").GetString() is not ("String" or "Int" or "Boolean" or "ID" or "Float"))
            .ToList();

        var undocumented = new List<string>();
        foreach (var type in types)
        {
            var name = type.GetProperty("name").GetString();
            if (string.IsNullOrWhiteSpace(type.GetProperty("description").GetString()))
            {
                undocumented.Add(name!);
            }

            if (type.GetProperty("fields").ValueKind != System.Text.Json.JsonValueKind.Array)
            {
                continue;
            }

            foreach (var field in type.GetProperty("fields").EnumerateArray())
            {
                var fieldName = $"{name}.{field.GetProperty("name").GetString()}";
                if (string.IsNullOrWhiteSpace(field.GetProperty("description").GetString()))
                {
                    undocumented.Add(fieldName);
                }

                undocumented.AddRange(field.GetProperty("args").EnumerateArray()
                    .Where(a => string.IsNullOrWhiteSpace(a.GetProperty("description").GetString()))
                    .Select(a => $"{fieldName}({a.GetProperty("name").GetString()})"));
            }
        }

        Assert.Empty(undocumented);
    }
}
