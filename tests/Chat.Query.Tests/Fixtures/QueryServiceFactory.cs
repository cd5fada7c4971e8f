using Chat.Query.GraphQL;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Chat.Query.Tests.Fixtures;

/// <summary>The real Chat.Query app, in memory, against a test database as the chat_query role.</summary>
/// <remarks>
/// The type argument only names the app's assembly; Program itself is ambiguous here because
/// the migrator (referenced by the fixtures) has a top-level Program too.
/// </remarks>
public sealed class QueryServiceFactory(string connectionString, IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<ChatSchema>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Host settings reach the app's configuration before Program reads it.
        builder.UseSetting("ConnectionStrings:Chat", connectionString);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }

    public GraphQLClient CreateGraphQLClient() => new(CreateClient());
}
