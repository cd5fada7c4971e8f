using System.Diagnostics;
using System.Globalization;
using Chat.LoadTest.Publishing;
using RabbitMQ.Client;

namespace Chat.Ingest.Benchmark;

/// <summary>
/// Publishes the producers' traffic: both wire shapes alternating (chat server text/plain with
/// epoch seconds, load generator application/json with ISO timestamps), 20 rooms, 1,000 users,
/// persistent, no message id, to chat.exchange with routing key room.{n}, with publisher
/// confirms. Timestamps are taken when a message is published, so lag is measured from then.
/// </summary>
public static class LoadPublisher
{
    private const int Window = 1000;

    /// <summary>Publishes <paramref name="count"/> messages; returns the time it took until the last confirm.</summary>
    public static async Task<TimeSpan> PublishAsync(Uri amqpUri, int count, int channels, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = amqpUri };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        var started = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, channels).Select(async _ =>
        {
            await using var channel = await connection.CreateChannelAsync(
                new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
            var pending = new List<Task>(Window);
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var (routingKey, contentType, body) = Message(i, DateTimeOffset.UtcNow);
                var properties = new BasicProperties { Persistent = true, ContentType = contentType };
                pending.Add(channel.BasicPublishAsync("chat.exchange", routingKey, false, properties, body, cancellationToken).AsTask());
                if (pending.Count == Window)
                {
                    await Task.WhenAll(pending);
                    pending.Clear();
                }
            }

            await Task.WhenAll(pending);
        }));
        return started.Elapsed;
    }

    /// <summary>Message <paramref name="i"/> of a run: id bench-{i}, both shapes alternating, written by the load tool's wire records.</summary>
    public static (string RoutingKey, string ContentType, byte[] Body) Message(int i, DateTimeOffset now)
    {
        var room = 1 + i % 20;
        var user = i % 1000;
        var id = string.Create(CultureInfo.InvariantCulture, $"bench-{i}");
        return i % 2 == 0
            ? ($"room.{room}", LoadGeneratorMessage.ContentType, new LoadGeneratorMessage(
                id, room, $"user_{user}", $"TestUser{user}", $"Load test message {i}", now).ToUtf8Json())
            : ($"room.{room}", ChatServerMessage.ContentType, new ChatServerMessage(
                id, room, user + 1, $"user{user + 1}", $"hello from user {user + 1} number {i}", now,
                "TEXT", "chat-host-1a2b3c4d", "/127.0.0.1:51234").ToUtf8Json());
    }
}
