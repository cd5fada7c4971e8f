using System.Net;
using System.Text;
using Chat.Query.Extensions;
using Chat.Query.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Chat.Query.Tests;

/// <summary>What one caller can ask of the service, and the service of the database, is bounded.</summary>
public sealed class The_abuse_limits(ChatHistoryService service) : IClassFixture<ChatHistoryService>
{
    [Fact]
    public async Task An_alias_fan_out_of_database_fields_is_refused_before_it_runs()
    {
        var document = new StringBuilder("{");
        for (var i = 0; i < 30; i++)
        {
            document.Append(System.Globalization.CultureInfo.InvariantCulture, $" m{i}: message(id: \"r1-{i % 25:00}\") {{ id }}");
        }

        var answer = await service.Client.QueryAsync(document.Append(" }").ToString());

        Assert.Equal("COMPLEXITY", answer.ErrorCode);
        Assert.False(answer.Body.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task A_field_repeated_inside_fragments_counts_every_time()
    {
        var fragments = string.Join('\n', Enumerable.Range(0, 30).Select(i => $"fragment f{i} on Query {{ userRooms(userId: \"bob\") {{ roomId }} }}"));
        var spreads = string.Join(' ', Enumerable.Range(0, 30).Select(i => $"...f{i}"));

        var answer = await service.Client.QueryAsync($"{{ {spreads} }}\n{fragments}");

        Assert.Equal("COMPLEXITY", answer.ErrorCode);
    }

    [Fact]
    public async Task A_handful_of_database_fields_is_fine()
    {
        await service.Client.DataAsync("""
            { a: message(id: "r1-00") { id } b: message(id: "r2-00") { id } c: userRooms(userId: "bob") { roomId }
              analytics { totals { messages freshness { state } } topUsers(first: 3) { users { userId } } } }
            """);
    }

    [Fact]
    public async Task Introspection_is_not_free()
    {
        var aliases = string.Join(' ', Enumerable.Range(0, 200).Select(i => $"s{i}: __schema {{ types {{ name fields {{ name args {{ name }} }} }} }}"));

        var answer = await service.Client.QueryAsync($"{{ {aliases} }}");

        Assert.Equal("COMPLEXITY", answer.ErrorCode);
    }

    [Fact]
    public async Task A_caller_past_its_rate_limit_gets_429_and_others_are_still_served()
    {
        var limited = service.CreateService(new Dictionary<string, string> { ["RateLimit:PermitsPerSecond"] = "1", ["RateLimit:Burst"] = "3" });
        var client = limited.CreateGraphQLClient();

        var statuses = new List<HttpStatusCode>();
        GraphQLAnswer? refused = null;
        for (var i = 0; i < 6 && refused is null; i++)
        {
            var answer = await client.QueryAsync("{ analytics { totals { messages } } }");
            statuses.Add(answer.Status);
            refused = answer.Status == HttpStatusCode.TooManyRequests ? answer : null;
        }

        Assert.NotNull(refused);
        Assert.True(statuses.Count(s => s == HttpStatusCode.OK) >= 3, string.Join(", ", statuses));
        Assert.Equal("RATE_LIMITED", refused.ErrorCode);
        using var raw = await client.Http.PostAsync("/graphql", new StringContent("""{"query":"{ __typename }"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.TooManyRequests, raw.StatusCode);
        Assert.True(raw.Headers.RetryAfter is not null);

        // Another caller (another token subject) has a bucket of its own.
        var other = limited.CreateGraphQLClientWithToken(Chat.LoadTest.Access.AccessTokens.Mint(limited.SigningKey, ["viewer"], null, TimeSpan.FromHours(1), "someone-else"));
        Assert.Equal(HttpStatusCode.OK, (await other.QueryAsync("{ analytics { totals { messages } } }")).Status);
    }

    [Theory]
    [InlineData("SELECT client_ip FROM messages LIMIT 1")]
    [InlineData("SELECT * FROM messages LIMIT 1")]
    [InlineData("SELECT payload FROM rejected_messages LIMIT 1")]
    public async Task The_query_role_cannot_read_ip_addresses_or_rejected_payloads(string statement)
    {
        var error = await Assert.ThrowsAsync<PostgresException>(() => service.ExecuteAsync(statement, DatabaseRole.Query));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }

    [Fact]
    public async Task The_query_role_still_reads_what_readers_and_the_load_tool_need()
    {
        await service.ExecuteAsync("""
            SELECT message_id, room_id, user_id, username, content, message_type, "timestamp", created_at FROM messages LIMIT 1;
            SELECT count(*), count(payload_sha256), count(reason) FROM rejected_messages;
            """, DatabaseRole.Query);
    }

    [Fact]
    public async Task The_service_pool_stays_below_the_roles_connection_limit()
    {
        var limit = await service.ScalarAsync<int>("SELECT rolconnlimit FROM pg_roles WHERE rolname = 'chat_query'");
        var dataSource = service.CreateService().Services.GetRequiredService<NpgsqlDataSource>();
        var pool = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).MaxPoolSize;

        Assert.True(limit > 0, "chat_query has no connection limit");
        Assert.Equal(QueryDataSource.MaxPoolSize, pool);
        Assert.True(pool < limit, $"pool {pool}, role limit {limit}");
    }
}
