using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Serialization;
using Chat.LoadTest.Publishing;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Chat.LoadTest.Sampling;

/// <summary>
/// The queues behind chat.exchange: which queues its bindings lead to (directly or through
/// other exchanges, as MassTransit binds), their depth and consumers, and the error queues
/// MassTransit would move failed messages to. Ready messages and consumers come from a passive
/// queue.declare over AMQP, exact at that moment; unacknowledged ones only the management API
/// knows, and it caches its answers for a few seconds when the broker is busy.
/// </summary>
public sealed class BrokerQueues : IAsyncDisposable
{
    private readonly RabbitMqSettings _broker;
    private readonly HttpClient _http;
    private readonly string _vhost;
    private readonly SemaphoreSlim _amqpGate = new(1, 1);
    private IConnection? _connection;
    private IChannel? _channel;

    public BrokerQueues(RabbitMqSettings broker)
    {
        _broker = broker;
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

    /// <summary>Every queue of the virtual host: ready messages and consumers exact, unacknowledged as the management API last saw them.</summary>
    public async Task<IReadOnlyList<QueueState>> QueuesAsync(CancellationToken cancellationToken)
    {
        var listed = await GetAsync<List<QueueState>>($"api/queues/{_vhost}?disable_stats=true&enable_queue_totals=true", cancellationToken) ?? [];
        var result = new List<QueueState>(listed.Count);
        await _amqpGate.WaitAsync(cancellationToken);
        try
        {
            foreach (var queue in listed)
            {
                if (await DeclarePassiveAsync(queue.Name, cancellationToken) is { } exact)
                {
                    result.Add(queue with
                    {
                        Ready = exact.MessageCount,
                        Consumers = (int)exact.ConsumerCount,
                        Messages = exact.MessageCount + queue.Unacknowledged,
                    });
                }
            }
        }
        finally
        {
            _amqpGate.Release();
        }

        return result;
    }

    /// <summary>
    /// Messages left in <paramref name="queues"/> once the run is over: ready ones exact, and
    /// unacknowledged ones read until the management API agrees with itself (its answers can
    /// be seconds old when the broker was busy). Zero only when two readings a second apart say so.
    /// </summary>
    public async Task<long> SettledDepthAsync(IReadOnlySet<string> queues, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        var zeros = 0;
        while (true)
        {
            var depth = (await QueuesAsync(cancellationToken)).Where(q => queues.Contains(q.Name)).Sum(q => q.Messages);
            zeros = depth == 0 ? zeros + 1 : 0;
            if (zeros == 2 || DateTime.UtcNow > deadline)
            {
                return depth;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }

    private async Task<QueueDeclareOk?> DeclarePassiveAsync(string queue, CancellationToken cancellationToken)
    {
        try
        {
            if (_channel is not { IsOpen: true })
            {
                _connection ??= await _broker.ConnectionFactory("chat-loadtest-sampler").CreateConnectionAsync(cancellationToken);
                _channel = await _connection.CreateChannelAsync(cancellationToken: cancellationToken);
            }

            return await _channel.QueueDeclarePassiveAsync(queue, cancellationToken);
        }
        catch (OperationInterruptedException)
        {
            return null; // deleted since it was listed; the broker closed the channel, the next call opens another
        }
    }

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

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (_channel is not null)
        {
            await _channel.DisposeAsync();
        }

        if (_connection is not null)
        {
            await _connection.CloseAsync();
            await _connection.DisposeAsync();
        }

        _amqpGate.Dispose();
    }

    private sealed record Binding(
        [property: JsonPropertyName("destination")] string Destination,
        [property: JsonPropertyName("destination_type")] string DestinationType);

    private sealed record Overview(
        [property: JsonPropertyName("rabbitmq_version")] string? RabbitMqVersion,
        [property: JsonPropertyName("erlang_version")] string? ErlangVersion);
}

/// <summary>One queue: Messages = Ready + Unacknowledged.</summary>
public sealed record QueueState(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("messages")] long Messages,
    [property: JsonPropertyName("messages_ready")] long Ready,
    [property: JsonPropertyName("messages_unacknowledged")] long Unacknowledged,
    [property: JsonPropertyName("consumers")] int Consumers);
