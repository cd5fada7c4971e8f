using System.Text.Json;
using Chat.LoadTest.Publishing;
using Chat.LoadTest.Traffic;
using RabbitMQ.Client;

namespace Chat.LoadTest.Tests;

/// <summary>The publisher against the real RabbitMQ, with a queue standing where the ingest's would.</summary>
public sealed class Publishing_to_the_real_broker(RabbitMqVirtualHost vhost) : IClassFixture<RabbitMqVirtualHost>
{
    private static readonly string[] ProducerContentTypes = ["text/plain", "application/json"];

    private RabbitMqSettings Broker => new(vhost.Server.Host, vhost.Server.Port, vhost.Server.ManagementPort,
        vhost.Server.Username, vhost.Server.Password, vhost.Name);

    [Fact]
    public async Task Every_send_arrives_once_persistent_with_the_producers_properties_and_is_confirmed()
    {
        var traffic = new LoadTraffic(new TrafficSettings { RunId = "pub1", DuplicateShare = 0.05, InvalidShare = 0.02 });
        var ledger = new PublishLedger();
        var publisher = new LoadPublisher(Broker, new PublisherSettings { Connections = 2, ChannelsPerConnection = 2, ConfirmWindow = 100 },
            traffic, ledger, TimeProvider.System);
        await publisher.DeclareExchangeAsync(CancellationToken.None);
        await using var connection = await Broker.ConnectionFactory("test-consumer").CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        // Exclusive: gone with this test's connection, so the other test's unbound keys stay unbound.
        await channel.QueueDeclareAsync("ingest-stand-in", durable: true, exclusive: true, autoDelete: false);
        await channel.QueueBindAsync("ingest-stand-in", LoadPublisher.Exchange, "room.*");

        await publisher.RunAsync(new SendSequence(3_000, null, TimeProvider.System), new PublishPacer(null, TimeProvider.System), CancellationToken.None);

        Assert.Equal(3_000, ledger.Confirmed);
        Assert.Equal(0, ledger.Returned + ledger.Failed);
        var received = new List<BasicGetResult>();
        while (await channel.BasicGetAsync("ingest-stand-in", autoAck: true) is { } delivery)
        {
            received.Add(delivery);
        }

        Assert.Equal(3_000, received.Count);
        Assert.All(received, d =>
        {
            Assert.Equal(DeliveryModes.Persistent, d.BasicProperties.DeliveryMode);
            Assert.Null(d.BasicProperties.MessageId);
            Assert.Null(d.BasicProperties.Headers);
            Assert.Contains(d.BasicProperties.ContentType, ProducerContentTypes);
            Assert.Equal(LoadPublisher.Exchange, d.Exchange);
            Assert.StartsWith("room.", d.RoutingKey, StringComparison.Ordinal);
        });
        var validIds = received.Select(d => TryId(d.Body.ToArray())).OfType<string>().Where(id => !id.Contains(":invalid:", StringComparison.Ordinal)).ToList();
        Assert.Equal(ledger.ConfirmedOriginals, validIds.Distinct().Count());
        Assert.Equal(ledger.ConfirmedDuplicates, validIds.Count - validIds.Distinct().Count());
        Assert.Equal(ledger.PublishedOriginals().Count(), validIds.Distinct().Count());
    }

    [Fact]
    public async Task A_send_no_queue_takes_is_returned_and_counted_not_lost_silently()
    {
        var traffic = new LoadTraffic(new TrafficSettings { RunId = "pub2", Rooms = 3 });
        var ledger = new PublishLedger();
        var publisher = new LoadPublisher(Broker, new PublisherSettings { Connections = 1, ChannelsPerConnection = 1 }, traffic, ledger, TimeProvider.System);
        await publisher.DeclareExchangeAsync(CancellationToken.None);
        await using var connection = await Broker.ConnectionFactory("test-unbound").CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        // Only room.1 is bound (in a queue of its own, so the other test's stand-in takes nothing).
        await channel.QueueDeclareAsync("room-1-only", durable: false, exclusive: true, autoDelete: true);
        await channel.QueueBindAsync("room-1-only", LoadPublisher.Exchange, "room.1");

        await publisher.RunAsync(new SendSequence(200, null, TimeProvider.System), new PublishPacer(null, TimeProvider.System), CancellationToken.None);

        var toRoomOne = Enumerable.Range(0, 200).Count(i => traffic.Create(i, DateTimeOffset.UnixEpoch).RoutingKey == "room.1");
        Assert.InRange(ledger.Returned, 1, 200);
        Assert.Equal(200 - toRoomOne, ledger.Returned);
        Assert.NotEmpty(ledger.FailureExamples);
    }

    private static string? TryId(byte[] body)
    {
        try
        {
            return JsonDocument.Parse(body).RootElement.GetProperty("messageId").GetString();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException)
        {
            return null;
        }
    }
}
