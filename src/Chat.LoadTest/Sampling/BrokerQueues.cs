using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Serialization;
using Chat.LoadTest.Publishing;

namespace Chat.LoadTest.Sampling;

/// <summary>
/// The queues behind chat.exchange, read through the RabbitMQ management API: which queues its
/// bindings lead to (directly or through other exchanges, as MassTransit binds), their depth
/// and consumers, and the error queues MassTransit would move failed messages to. Depths are
/// as fresh as the broker's statistics interval (./chat sets it to 1 s).
/// </summary>
public sealed class BrokerQueues : IDisposable
{
    private readonly HttpClient _http;
    private readonly string _vhost;

    public BrokerQueues(RabbitMqSettings broker)
    {
        _http = new HttpClient { BaseAddress = broker.ManagementUri, Timeout = TimeSpan.FromSeconds(5) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{broker.Username}:{broker.Password}")));
        _vhost = Uri.EscapeDataString(broker.VirtualHost);
    }

    /// <summary>Queues that messages published to chat.exchange can reach.</summary>
    public async Task<IReadOnlySet<string>> BoundQueuesAsync(CancellationToken cancellationToken)
    {
        var queues = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal) { LoadPublisher.Exchange };
        var pending = new Queue<string>([LoadPublisher.Exchange]);
        while (pending.TryDequeue(out var exchange))
        {
            var bindings = await GetAsync<List<Binding>>(
                $"api/exchanges/{_vhost}/{Uri.EscapeDataString(exchange)}/bindings/source", cancellationToken) ?? [];
            foreach (var binding in bindings)
            {
                if (binding.DestinationType == "queue")
                {
                    queues.Add(binding.Destination);
                }
                else if (seen.Add(binding.Destination))
                {
                    pending.Enqueue(binding.Destination);
                }
            }
        }

        return queues;
    }

    /// <summary>Depth and consumers of every queue of the virtual host.</summary>
    public async Task<IReadOnlyList<QueueState>> QueuesAsync(CancellationToken cancellationToken) =>
        await GetAsync<List<QueueState>>(
            $"api/queues/{_vhost}?columns=name,messages,messages_ready,messages_unacknowledged,consumers", cancellationToken) ?? [];

    /// <summary>The broker's and Erlang's versions.</summary>
    public async Task<(string RabbitMq, string Erlang)> VersionsAsync(CancellationToken cancellationToken)
    {
        var overview = await GetAsync<Overview>("api/overview", cancellationToken);
        return (overview?.RabbitMqVersion ?? "unknown", overview?.ErlangVersion ?? "unknown");
    }

    /// <summary>MassTransit moves messages it gave up on to "{queue}_error" (and unconsumed ones to "_skipped").</summary>
    public static bool IsErrorQueue(string name) =>
        name.EndsWith("_error", StringComparison.Ordinal) || name.EndsWith("_skipped", StringComparison.Ordinal);

    private async Task<T?> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(path, cancellationToken);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return default;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<T>(cancellationToken);
    }

    public void Dispose() => _http.Dispose();

    private sealed record Binding(
        [property: JsonPropertyName("destination")] string Destination,
        [property: JsonPropertyName("destination_type")] string DestinationType);

    private sealed record Overview(
        [property: JsonPropertyName("rabbitmq_version")] string? RabbitMqVersion,
        [property: JsonPropertyName("erlang_version")] string? ErlangVersion);
}

/// <summary>One queue as the management API reports it (counts absent before the first statistics tick read as 0).</summary>
public sealed record QueueState(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("messages")] long Messages,
    [property: JsonPropertyName("messages_ready")] long Ready,
    [property: JsonPropertyName("messages_unacknowledged")] long Unacknowledged,
    [property: JsonPropertyName("consumers")] int Consumers);
