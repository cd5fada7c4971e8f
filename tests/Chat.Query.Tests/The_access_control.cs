using System.Net;
using Chat.LoadTest.Access;
using Chat.Query.Tests.Fixtures;

namespace Chat.Query.Tests;

/// <summary>Who may read what: bearer tokens at the door, roles on the schema's fields, rooms in the token.</summary>
public sealed class The_access_control(ChatHistoryService service) : IClassFixture<ChatHistoryService>
{
    private const string Timeline = "{ roomTimeline(roomId: 1, first: 2) { nodes { id content } } }";
    private const string Analytics = "{ analytics { totals { messages } } }";

    private QueryServiceFactory Service { get; } = service.CreateService();

    [Fact]
    public async Task A_request_without_a_token_is_401_in_the_graphql_error_shape()
    {
        var answer = await Service.CreateGraphQLClient(roles: null).QueryAsync(Analytics);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal("UNAUTHENTICATED", answer.ErrorCode);
        Assert.Contains("no bearer token", answer.ErrorMessage);
        Assert.False(answer.Body.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task A_valid_token_is_served()
    {
        var data = await Service.CreateGraphQLClient("reader").DataAsync(Timeline);

        Assert.Equal(2, data.GetProperty("roomTimeline").GetProperty("nodes").GetArrayLength());
    }

    [Fact]
    public async Task An_expired_token_is_401_and_says_so()
    {
        var token = AccessTokens.Mint(Service.SigningKey, ["admin"], null, TimeSpan.FromMinutes(5), now: DateTimeOffset.UtcNow.AddHours(-1));

        var answer = await Service.CreateGraphQLClientWithToken(token).QueryAsync(Analytics);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal("UNAUTHENTICATED", answer.ErrorCode);
        Assert.Contains("expired", answer.ErrorMessage);
    }

    [Fact]
    public async Task A_token_for_another_audience_is_401()
    {
        var token = AccessTokens.Mint(Service.SigningKey, ["admin"], null, TimeSpan.FromHours(1), audience: "chat-ingest");

        var answer = await Service.CreateGraphQLClientWithToken(token).QueryAsync(Analytics);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Contains("audience", answer.ErrorMessage);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_401()
    {
        var token = AccessTokens.Mint(AccessTokens.NewSigningKey(), ["admin"], null, TimeSpan.FromHours(1));

        var answer = await Service.CreateGraphQLClientWithToken(token).QueryAsync(Analytics);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Contains("signature", answer.ErrorMessage);
    }

    [Fact]
    public async Task A_viewer_reads_analytics_but_no_message_content()
    {
        var viewer = Service.CreateGraphQLClient("viewer");

        Assert.Equal(40, (await viewer.DataAsync(Analytics)).GetProperty("analytics").GetProperty("totals").GetProperty("messages").GetInt64());
        var answer = await viewer.QueryAsync(Timeline);

        Assert.Equal("FORBIDDEN", answer.ErrorCode);
        Assert.Contains("roomTimeline", answer.ErrorMessage);
        Assert.False(answer.Body.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task Message_content_is_refused_through_a_fragment_and_an_alias_too()
    {
        var answer = await Service.CreateGraphQLClient("viewer,operator").QueryAsync("""
            query { m: message(id: "r1-00") { ...text } }
            fragment text on Message { content }
            """);

        Assert.Equal("FORBIDDEN", answer.ErrorCode);
        Assert.Contains("'m'", answer.ErrorMessage);
    }

    [Fact]
    public async Task The_pipeline_is_for_operators_not_readers()
    {
        const string pipeline = "{ pipeline { sampleIntervalSeconds } }";

        Assert.Equal("FORBIDDEN", (await Service.CreateGraphQLClient("reader").QueryAsync(pipeline)).ErrorCode);
        await Service.CreateGraphQLClient("operator").DataAsync(pipeline);
    }

    [Fact]
    public async Task A_token_with_no_role_of_this_service_reads_nothing()
    {
        var answer = await Service.CreateGraphQLClient("guest").QueryAsync(Analytics);

        Assert.Equal("FORBIDDEN", answer.ErrorCode);
        Assert.Contains("no role of this service", answer.ErrorMessage);
    }

    [Fact]
    public async Task A_reader_limited_to_some_rooms_gets_room_forbidden_for_the_others()
    {
        var reader = Service.CreateGraphQLClient("reader", rooms: [2]);

        var answer = await reader.QueryAsync(Timeline);
        var message = await reader.QueryAsync("""{ message(id: "r1-00") { id } }""");
        var ownRoom = await reader.DataAsync("{ roomTimeline(roomId: 2, first: 100) { nodes { roomId } } }");

        Assert.Equal("ROOM_FORBIDDEN", answer.ErrorCode);
        Assert.Equal("ROOM_FORBIDDEN", message.ErrorCode);
        Assert.Equal(10, ownRoom.GetProperty("roomTimeline").GetProperty("nodes").GetArrayLength());
    }

    [Fact]
    public async Task A_reader_limited_to_some_rooms_sees_a_users_history_only_there()
    {
        // bob posted in rooms 1 and 2.
        var reader = Service.CreateGraphQLClient("reader", rooms: [2]);

        var history = await reader.DataAsync("""{ userHistory(userId: "bob", first: 100) { nodes { roomId } } userRooms(userId: "bob") { roomId } }""");

        var rooms = history.GetProperty("userHistory").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("roomId").GetInt32()).ToList();
        Assert.Equal(KnownChatHistory.Messages.Count(m => m.UserId == "bob" && m.RoomId == 2), rooms.Count);
        Assert.All(rooms, room => Assert.Equal(2, room));
        Assert.Equal([2], history.GetProperty("userRooms").EnumerateArray().Select(r => r.GetProperty("roomId").GetInt32()));
    }

    [Fact]
    public async Task Health_and_metrics_tell_anonymous_callers_nothing_internal()
    {
        var anonymous = Service.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live")).StatusCode);
        var ready = await anonymous.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.DoesNotContain("postgres", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Service.CreateGraphQLClient("reader").Http.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Service.CreateGraphQLClient("operator").Http.GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task Running_open_serves_callers_without_a_token_as_admins()
    {
        var open = service.CreateService(new Dictionary<string, string> { ["Access:Open"] = "true" });

        var data = await open.CreateGraphQLClient(roles: null).DataAsync(Timeline + "\n");

        Assert.Equal(2, data.GetProperty("roomTimeline").GetProperty("nodes").GetArrayLength());
    }
}
