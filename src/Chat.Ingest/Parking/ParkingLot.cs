using System.Globalization;
using Chat.Ingest.Options;
using Chat.Ingest.Storage;
using Chat.ServiceDefaults;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace Chat.Ingest.Parking;

/// <summary>
/// The durable parking queue: where a delivery goes that can be neither stored nor recorded
/// (published here by the ingest, with its reason in the headers, before the delivery is
/// acknowledged), and the dead-letter target of the ingest's queues (a delivery handed out more
/// than DeliveryLimit times). Its own connection is opened only to declare it at start and when
/// something has to be parked.
/// </summary>
public sealed class ParkingLot(IOptions<RabbitMqOptions> broker, IOptions<IngestOptions> options, ILogger<ParkingLot> logger) : IAsyncDisposable
{
    public const string ReasonHeader = "x-chat-reason";
    public const string DetailHeader = "x-chat-detail";
    public const string ExchangeHeader = "x-chat-exchange";
    public const string RoutingKeyHeader = "x-chat-routing-key";
    public const string ReceivedAtHeader = "x-chat-received-at";

    private readonly SemaphoreSlim _lock = new(1, 1);
    private IConnection? _connection;
    private IChannel? _channel;

    /// <summary>Declares the parking exchange and queue (idempotent).</summary>
    public async Task DeclareAsync(CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            var channel = await ChannelAsync(cancellationToken);
            await DeclareAsync(channel, cancellationToken);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Publishes each delivery to the parking queue and waits for the broker's confirm; throws when the broker does not take them.</summary>
    public async Task ParkAsync(IReadOnlyList<ParkedDelivery> parked, CancellationToken cancellationToken)
    {
        if (parked.Count == 0)
        {
            return;
        }

        await _lock.WaitAsync(cancellationToken);
        try
        {
            var channel = await ChannelAsync(cancellationToken);
            await DeclareAsync(channel, cancellationToken);
            foreach (var delivery in parked)
            {
                var properties = new BasicProperties
                {
                    Persistent = true,
                    ContentType = RejectText.Escape(delivery.Delivery.ContentType),
                    Headers = new Dictionary<string, object?>
                    {
                        [ReasonHeader] = delivery.Reason,
                        [DetailHeader] = Cut(RejectText.Escape(delivery.Detail)!, 2000),
                        [ExchangeHeader] = RejectText.Escape(delivery.Delivery.Exchange),
                        [RoutingKeyHeader] = RejectText.Escape(delivery.Delivery.RoutingKey),
                        [ReceivedAtHeader] = delivery.Delivery.ReceivedAt.ToString("O", CultureInfo.InvariantCulture),
                    },
                };
                await channel.BasicPublishAsync(options.Value.ParkingQueue, "", mandatory: false, properties, delivery.Delivery.Body, cancellationToken);
            }
        }
        catch
        {
            // A failed channel is not reused: the next attempt connects again.
            await CloseAsync();
            throw;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Closes the connection until something has to be parked.</summary>
    public async Task DisposeConnectionAsync()
    {
        await _lock.WaitAsync();
        try
        {
            await CloseAsync();
        }
        finally
        {
            _lock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        _lock.Dispose();
    }

    private async Task DeclareAsync(IChannel channel, CancellationToken cancellationToken)
    {
        var name = options.Value.ParkingQueue;
        await channel.ExchangeDeclareAsync(name, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        var arguments = options.Value.QueueType == QueueType.Quorum
            ? new Dictionary<string, object?> { ["x-queue-type"] = "quorum" }
            : null;
        await channel.QueueDeclareAsync(name, durable: true, exclusive: false, autoDelete: false, arguments, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(name, name, "", cancellationToken: cancellationToken);
    }

    private async Task<IChannel> ChannelAsync(CancellationToken cancellationToken)
    {
        if (_channel is { IsOpen: true })
        {
            return _channel;
        }

        await CloseAsync();
        var settings = broker.Value;
        var factory = new ConnectionFactory
        {
            HostName = settings.Host,
            Port = settings.Port,
            VirtualHost = settings.VirtualHost,
            UserName = settings.Username,
            Password = settings.Password,
            ClientProvidedName = "Chat.Ingest parking",
        };
        _connection = await factory.CreateConnectionAsync(cancellationToken);
        _channel = await _connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        return _channel;
    }

    private async Task CloseAsync()
    {
        try
        {
            if (_channel is not null)
            {
                await _channel.DisposeAsync();
            }

            if (_connection is not null)
            {
                await _connection.DisposeAsync();
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogDebug(e, "Closing the parking connection failed");
        }

        _channel = null;
        _connection = null;
    }

    private static string Cut(string text, int length) =>
        text.Length <= length ? text : text[..(char.IsHighSurrogate(text[length - 1]) ? length - 1 : length)];
}
