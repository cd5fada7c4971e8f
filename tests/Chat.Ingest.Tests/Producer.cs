using System.Text;
using RabbitMQ.Client;

namespace Chat.Ingest.Tests;

/// <summary>
/// Publishes as the existing producers do (RabbitMQ.Client, exchange chat.exchange, routing key
/// room.{n}, persistent, their content type, no message id, no headers), with publisher
/// confirms so that a test knows the broker has every message.
/// </summary>
public sealed class Producer : IAsyncDisposable
{
    public const string Exchange = "chat.exchange";

    private readonly IConnection _connection;
    private readonly IChannel _channel;

    private Producer(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    public static Task<Producer> ConnectAsync(RabbitMqVirtualHost virtualHost) => ConnectAsync(virtualHost.AmqpUri);

    public static async Task<Producer> ConnectAsync(Uri amqpUri)
    {
        var factory = new ConnectionFactory { Uri = amqpUri };
        var connection = await factory.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync(new CreateChannelOptions(
            publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        return new Producer(connection, channel);
    }

    public Task PublishAsync(ProducerMessage message) => PublishAsync(message.RoutingKey, message.ContentType, message.Body);

    public Task PublishAsync(string routingKey, string? contentType, string body) =>
        PublishAsync(routingKey, contentType, Encoding.UTF8.GetBytes(body));

    /// <summary>Publishes raw bytes, optionally with an AMQP message_id property (which the producers never set).</summary>
    public async Task PublishAsync(string routingKey, string? contentType, ReadOnlyMemory<byte> body, string? amqpMessageId = null)
    {
        var properties = new BasicProperties { Persistent = true, ContentType = contentType, MessageId = amqpMessageId };
        await _channel.BasicPublishAsync(Exchange, routingKey, mandatory: false, properties, body);
    }

    /// <summary>Publishes many messages, a window of them awaiting their confirms at a time.</summary>
    public async Task PublishAllAsync(IEnumerable<ProducerMessage> messages, CancellationToken cancellationToken = default)
    {
        const int window = 500;
        var pending = new List<Task>(window);
        foreach (var message in messages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            pending.Add(PublishAsync(message));
            if (pending.Count == window)
            {
                await Task.WhenAll(pending);
                pending.Clear();
            }
        }

        await Task.WhenAll(pending);
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
