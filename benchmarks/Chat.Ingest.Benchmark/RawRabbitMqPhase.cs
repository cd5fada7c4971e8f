using System.Diagnostics;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Chat.Ingest.Benchmark;

/// <summary>
/// (a) The broker alone: the ingest's topology (chat.exchange -> consistent-hash exchange -> N
/// queues of the same type), RabbitMQ.Client consumers with the same prefetch that acknowledge
/// with one multiple-ack per 100 deliveries (--raw-ack-every), no database. The ceiling the
/// ingest is compared to.
/// </summary>
public static class RawRabbitMqPhase
{
    public static async Task<PhaseResult> RunAsync(BenchmarkServers servers, BenchmarkOptions options)
    {
        var vhost = await servers.CreateVirtualHostAsync("raw");
        try
        {
            var factory = new ConnectionFactory { Uri = servers.AmqpUri(vhost) };
            await using var connection = await factory.CreateConnectionAsync();
            var consumed = 0L;
            var channels = new List<IChannel>();
            await using (var setup = await connection.CreateChannelAsync())
            {
                await setup.ExchangeDeclareAsync("chat.exchange", ExchangeType.Topic, durable: true);
                await setup.ExchangeDeclareAsync("bench.raw", "x-consistent-hash", durable: true);
                await setup.ExchangeBindAsync("bench.raw", "chat.exchange", "room.*");
                for (var q = 1; q <= options.Queues; q++)
                {
                    await setup.QueueDeclareAsync($"bench.raw-{q}", durable: true, exclusive: false, autoDelete: false,
                        arguments: new Dictionary<string, object?> { ["x-queue-type"] = options.QueueType });
                    await setup.QueueBindAsync($"bench.raw-{q}", "bench.raw", "1");
                }
            }

            for (var q = 1; q <= options.Queues; q++)
            {
                var channel = await connection.CreateChannelAsync();
                await channel.BasicQosAsync(0, (ushort)Math.Min(options.Prefetch ?? options.MessageLimit * options.Concurrency, ushort.MaxValue), false);
                var consumer = new AsyncEventingBasicConsumer(channel);
                var unacked = 0;
                consumer.ReceivedAsync += async (_, delivery) =>
                {
                    Interlocked.Increment(ref consumed);
                    if (++unacked >= options.RawAckEvery)
                    {
                        unacked = 0;
                        await channel.BasicAckAsync(delivery.DeliveryTag, multiple: options.RawAckEvery > 1);
                    }
                };
                await channel.BasicConsumeAsync($"bench.raw-{q}", autoAck: false, consumer);
                channels.Add(channel);
            }

            using var timeout = new CancellationTokenSource(options.PhaseTimeout);
            var started = Stopwatch.StartNew();
            var publishing = LoadPublisher.PublishAsync(servers.AmqpUri(vhost), options.Messages, options.Publishers, timeout.Token);
            while (Interlocked.Read(ref consumed) < options.Messages && !timeout.IsCancellationRequested)
            {
                await Task.Delay(50);
            }

            var elapsed = started.Elapsed;
            var publishElapsed = await publishing;
            foreach (var channel in channels)
            {
                await channel.DisposeAsync();
            }

            return new PhaseResult("raw RabbitMQ.Client", $"{options.Queues} {options.QueueType} queue(s), no database",
                options.Messages, elapsed, publishElapsed, Interlocked.Read(ref consumed));
        }
        finally
        {
            await servers.DeleteVirtualHostAsync(vhost);
        }
    }
}
