using Chat.LoadTest.Access;
using Chat.Query.GraphQL;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Chat.Query.Tests.Fixtures;

/// <summary>
/// The real Chat.Query app, in memory, against a test database as the chat_query role. It
/// checks bearer tokens with a signing key of its own (<see cref="SigningKey"/>); its clients
/// carry an admin token unless given another.
/// </summary>
/// <remarks>
/// The type argument only names the app's assembly; Program itself is ambiguous here because
/// the migrator (referenced by the fixtures) has a top-level Program too.
/// </remarks>
public sealed class QueryServiceFactory(string connectionString, IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<ChatSchema>
{
    public string SigningKey { get; } = AccessTokens.NewSigningKey();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Host settings reach the app's configuration before Program reads it.
        builder.UseSetting("ConnectionStrings:Chat", connectionString);
        builder.UseSetting("Access:SigningKey", SigningKey);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A token this service accepts, as ./chat token mints it.</summary>
    public string Token(string roles, int[]? rooms = null, TimeSpan? lifetime = null) =>
        AccessTokens.Mint(SigningKey, roles.Split(','), rooms, lifetime ?? TimeSpan.FromHours(1), "test");

    /// <summary>A client with a token of these roles (admin when omitted); null sends no token.</summary>
    public GraphQLClient CreateGraphQLClient(string? roles = "admin", int[]? rooms = null) =>
        CreateGraphQLClientWithToken(roles is null ? null : Token(roles, rooms));

    public GraphQLClient CreateGraphQLClientWithToken(string? token)
    {
        var http = CreateClient();
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return new GraphQLClient(http);
    }
}
