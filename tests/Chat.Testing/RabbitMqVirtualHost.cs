using System.Net.Http.Json;
using Xunit;

namespace Chat.Testing;

/// <summary>
/// A virtual host of its own for one test class (use as IClassFixture): its exchanges, queues
/// and bindings cannot meet another class's. Deleted at the end.
/// </summary>
public class RabbitMqVirtualHost : IAsyncLifetime
{
    private RabbitMqServer? _server;

    public string Name { get; } = $"test-{Guid.NewGuid():N}";

    public RabbitMqServer Server => _server ?? throw new InvalidOperationException("The fixture is not initialised.");

    /// <summary>amqp:// URI of the virtual host.</summary>
    public Uri AmqpUri => new($"amqp://{Uri.EscapeDataString(Server.Username)}:{Uri.EscapeDataString(Server.Password)}@{Server.Host}:{Server.Port}/{Uri.EscapeDataString(Name)}");

    public virtual async Task InitializeAsync()
    {
        _server = await RabbitMqServer.GetAsync();
        using var client = Server.CreateManagementClient();
        var vhost = Uri.EscapeDataString(Name);
        (await client.PutAsJsonAsync($"api/vhosts/{vhost}", new { })).EnsureSuccessStatusCode();
        (await client.PutAsJsonAsync(
            $"api/permissions/{vhost}/{Uri.EscapeDataString(Server.Username)}",
            new { configure = ".*", write = ".*", read = ".*" })).EnsureSuccessStatusCode();
    }

    /// <summary>Number of messages ready and unacknowledged in a queue of this virtual host.</summary>
    public async Task<long> QueueDepthAsync(string queue)
    {
        using var client = Server.CreateManagementClient();
        var info = await client.GetFromJsonAsync<QueueInfo>(
            $"api/queues/{Uri.EscapeDataString(Name)}/{Uri.EscapeDataString(queue)}");
        return info?.Messages ?? 0;
    }

    /// <summary>Every queue of this virtual host with its messages (ready and unacknowledged).</summary>
    public async Task<IReadOnlyList<(string Name, long Messages)>> QueuesAsync()
    {
        using var client = Server.CreateManagementClient();
        var queues = await client.GetFromJsonAsync<List<NamedQueueInfo>>($"api/queues/{Uri.EscapeDataString(Name)}");
        return [.. (queues ?? []).Select(q => (q.Name, q.Messages))];
    }

    public virtual async Task DisposeAsync()
    {
        if (_server is null)
        {
            return;
        }

        using var client = Server.CreateManagementClient();
        await client.DeleteAsync($"api/vhosts/{Uri.EscapeDataString(Name)}");
    }

    private sealed record QueueInfo(long Messages);

    private sealed record NamedQueueInfo(string Name, long Messages);
}
