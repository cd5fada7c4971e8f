using RabbitMQ.Client;

namespace Chat.Dashboard.Tests;

/// <summary>
/// Publishes deliveries as the producers do (persistent, their content types, to chat.exchange),
/// at a steady rate so the dashboard's throughput chart has several samples, each confirmed by
/// the broker before the next batch. The messages are enumerated as they are sent, so a
/// timestamp taken while enumerating is the send time.
/// </summary>
public sealed class LiveTrafficPublisher(Uri amqpUri)
{
    private const string Exchange = "chat.exchange";

    public async Task PublishAsync(IEnumerable<PublishedMessage> messages, int perSecond, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = amqpUri };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        var perTick = Math.Max(1, perSecond / 10);
        using var ticks = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        foreach (var batch in messages.Chunk(perTick))
        {
            await Task.WhenAll(batch.Select(m => channel.BasicPublishAsync(Exchange, m.RoutingKey, mandatory: false,
                new BasicProperties { Persistent = true, ContentType = m.ContentType }, m.Body, cancellationToken).AsTask()));
            await ticks.WaitForNextTickAsync(cancellationToken);
        }
    }
}
