using Chat.Ingest.Consumers;
using Chat.Ingest.Extensions;
using Chat.Ingest.Serialization;
using Chat.Ingest.Storage;
using MassTransit;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Chat.Ingest.Benchmark;

/// <summary>
/// (b) A MassTransit batch consumer configured the way one usually starts (the notes'
/// "defaults-like" row): one classic queue bound to chat.exchange with room.*, MessageLimit
/// 1000, TimeLimit 500 ms, ConcurrencyLimit 2, prefetch 2,000 (what BatchOptions sets), no kill switch
/// or retry. It reads the raw body (MassTransit has no deserializer for the chat server's
/// text/plain) and writes with the ingest's own batch writer, so the difference to (c) is the
/// broker-side configuration, not the SQL.
/// </summary>
public static class DefaultMassTransitPhase
{
    public static async Task<PhaseResult> RunAsync(BenchmarkServers servers, BenchmarkOptions options)
    {
        var vhost = await servers.CreateVirtualHostAsync("masstransit");
        var database = await servers.CreateDatabaseAsync("masstransit");
        var dataSourceBuilder = new NpgsqlDataSourceBuilder(servers.ConnectionString(database, "chat_ingest"));
        IngestDataSource.Configure(dataSourceBuilder);
        await using var dataSource = dataSourceBuilder.Build();
        var writer = new MessageBatchWriter(dataSource, NullLogger<MessageBatchWriter>.Instance);
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(servers.RabbitHost, (ushort)servers.RabbitPort, vhost, h =>
            {
                h.Username(servers.RabbitUser);
                h.Password(servers.RabbitPassword);
            });
            cfg.ReceiveEndpoint("bench-default", e =>
            {
                e.ConfigureConsumeTopology = false;
                e.Bind("chat.exchange", x =>
                {
                    x.ExchangeType = "topic";
                    x.RoutingKey = "room.*";
                });
                e.ClearSerialization();
                foreach (var contentType in ChatDeliveryDeserializer.ContentTypes)
                {
                    e.AddDeserializer(new ChatDeliveryDeserializer(contentType), contentType == ChatDeliveryDeserializer.ContentTypes[0]);
                }

                e.AddSerializer(new ChatDeliveryDeserializer(ChatDeliveryDeserializer.ContentTypes[0]));

                // What MassTransit sets for a batch consumer configured through BatchOptions
                // (message limit x concurrency); e.Batch() alone would leave the endpoint's
                // default prefetch of 2 x cores, and batches of a handful of messages.
                e.PrefetchCount = 2000;
                e.ConcurrentMessageLimit = 2000;
                e.Batch<ChatDelivery>(b =>
                {
                    b.MessageLimit = 1000;
                    b.TimeLimit = TimeSpan.FromMilliseconds(500);
                    b.ConcurrencyLimit = 2;
                    b.Consumer(() => new BaselineBatchConsumer(writer));
                });
            });
        });

        try
        {
            await bus.StartAsync(TimeSpan.FromMinutes(1));
            var run = await StoredRows.PublishAndWaitAsync(servers, vhost, database, options);
            return new PhaseResult("default MassTransit", "1 classic queue, MessageLimit 1000, ConcurrencyLimit 2, TimeLimit 500 ms, prefetch 2000",
                options.Messages, run.Elapsed, run.PublishElapsed, run.Stored)
            {
                Details = new Dictionary<string, string>
                {
                    ["end-to-end lag p50 / p99"] = $"{run.LagP50Seconds:F2} s / {run.LagP99Seconds:F2} s",
                },
            };
        }
        finally
        {
            await bus.StopAsync(TimeSpan.FromMinutes(1));
            await servers.DeleteVirtualHostAsync(vhost);
            await servers.DropDatabaseAsync(database);
        }
    }

    /// <summary>Parses and writes each batch, nothing else.</summary>
    private sealed class BaselineBatchConsumer(MessageBatchWriter writer) : IConsumer<Batch<ChatDelivery>>
    {
        public Task Consume(ConsumeContext<Batch<ChatDelivery>> context) =>
            writer.WriteAsync([.. context.Message.Select(m => ParsedDelivery.Parse(m.Message))], context.CancellationToken);
    }
}
