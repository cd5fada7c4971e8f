using Xunit;

namespace Chat.Query.Tests.Fixtures;

/// <summary>
/// A test class's fresh database holding <see cref="KnownChatHistory"/> with refreshed views,
/// and the service reading it as chat_query. Use as IClassFixture.
/// </summary>
public class ChatHistoryService : PostgresDatabase, IAsyncLifetime
{
    private readonly List<QueryServiceFactory> _services = [];

    public GraphQLClient Client { get; private set; } = null!;

    /// <summary>Another instance of the service on this database, with other settings (e.g. tighter limits).</summary>
    public QueryServiceFactory CreateService(IReadOnlyDictionary<string, string>? settings = null, string? connectionString = null)
    {
        var service = new QueryServiceFactory(connectionString ?? ConnectionString(DatabaseRole.Query), settings);
        _services.Add(service);
        return service;
    }

    /// <summary>Runs after the data set is loaded, before the service starts.</summary>
    protected virtual Task AfterLoadAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        await KnownChatHistory.LoadAsync(this);
        await AfterLoadAsync();
        Client = CreateService().CreateGraphQLClient();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        foreach (var service in _services)
        {
            await service.DisposeAsync();
        }

        await DisposeAsync();
    }
}
