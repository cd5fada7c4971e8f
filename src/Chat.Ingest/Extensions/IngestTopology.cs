using Chat.Ingest.Options;
using MassTransit;

namespace Chat.Ingest.Extensions;

/// <summary>
/// Where the ingest's queues take their messages from. Declared by the ingest itself on every
/// (re)connection, so it works whether or not a producer declared anything first:
/// <code>
/// chat.exchange (topic, durable) --room.*--> chat.ingest (x-consistent-hash, durable)
///     --weight 1--> chat.ingest-1 ... chat.ingest-N (durable queues, quorum by default)
/// </code>
/// The consistent-hash exchange hashes the routing key, so each room goes to one queue (its
/// messages stay in order) and every room.* message reaches exactly one queue.
/// </summary>
public static class IngestTopology
{
    /// <summary>The exchange type of RabbitMQ's bundled rabbitmq_consistent_hash_exchange plugin.</summary>
    public const string ConsistentHashExchangeType = "x-consistent-hash";

    public static void Configure(IRabbitMqReceiveEndpointConfigurator endpoint, IngestOptions options)
    {
        // Only our bindings: MassTransit would otherwise bind the message type's exchange too.
        endpoint.ConfigureConsumeTopology = false;
        endpoint.Durable = true;
        endpoint.AutoDelete = false;
        if (options.QueueType == QueueType.Quorum)
        {
            endpoint.SetQuorumQueue();
            // Bounded redelivery: even a delivery that faults every time is handed out at most
            // DeliveryLimit times, then dead-lettered to the parking queue (RabbitMQ's x-death
            // headers say why), never looped forever.
            endpoint.SetQueueArgument("x-delivery-limit", options.DeliveryLimit);
        }

        endpoint.SetQueueArgument("x-dead-letter-exchange", options.ParkingQueue);

        endpoint.Bind(options.QueuePrefix, spread =>
        {
            spread.ExchangeType = ConsistentHashExchangeType;
            spread.Durable = true;
            spread.AutoDelete = false;
            spread.RoutingKey = "1"; // the queue's weight on the hash ring: every queue the same share
            spread.Bind(options.Exchange, producers =>
            {
                producers.ExchangeType = "topic";
                producers.Durable = true;
                producers.AutoDelete = false;
                producers.RoutingKey = options.RoutingKey;
            });
        });
    }
}
