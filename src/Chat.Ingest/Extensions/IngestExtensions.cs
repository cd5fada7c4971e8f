using Chat.Ingest.Consumers;
using Chat.Ingest.Options;
using Chat.Ingest.Parking;
using Chat.Ingest.Storage;
using Chat.ServiceDefaults;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Chat.Ingest.Extensions;

public static class IngestExtensions
{
    /// <summary>
    /// The ingest: its options, the batch writer and the MassTransit bus with one receive endpoint
    /// per queue, each running <see cref="ChatMessageBatchConsumer"/>.
    /// </summary>
    public static TBuilder AddChatIngest<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<RabbitMqOptions>().BindConfiguration(RabbitMqOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();

        builder.Services.AddSingleton<MessageBatchWriter>();
        builder.Services.AddSingleton<ParkingLot>();
        builder.Services.AddHostedService<ParkingQueueDeclaration>();
        builder.Services.AddSingleton<ConsumptionState>();
        builder.Services.AddReceiveEndpointObserver(services => services.GetRequiredService<ConsumptionState>());
        builder.Services.AddHealthChecks().AddCheck<ConsumingHealthCheck>("consuming", tags: [ServiceDefaultsExtensions.ReadyTag]);

        // Graceful shutdown: the bus stops taking deliveries, the batch in hand is committed and
        // acknowledged; a batch still waiting for the database after ConsumerStopTimeout goes
        // back to its queue unacknowledged.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(45));
        builder.Services.AddOptions<MassTransitHostOptions>().Configure(o =>
        {
            o.WaitUntilStarted = false;
            o.StopTimeout = TimeSpan.FromSeconds(40);
            o.ConsumerStopTimeout = TimeSpan.FromSeconds(20);
        });

        builder.Services.AddMassTransit(bus =>
        {
            // MassTransit would otherwise report usage to an internet host (usage-tracking.masstransit.io).
            bus.DisableUsageTelemetry();
            bus.AddConsumer<ChatMessageBatchConsumer, ChatMessageBatchConsumerDefinition>();
            bus.ConfigureHealthCheckOptions(health =>
            {
                health.Name = "rabbitmq";
                health.Tags.Add(ServiceDefaultsExtensions.ReadyTag);
            });
            bus.UsingRabbitMq((context, rabbit) =>
            {
                var broker = context.GetRequiredService<IOptions<RabbitMqOptions>>().Value;
                var ingest = context.GetRequiredService<IOptions<IngestOptions>>().Value;
                rabbit.Host(broker.Host, (ushort)broker.Port, broker.VirtualHost, host =>
                {
                    host.Username(broker.Username);
                    host.Password(broker.Password);
                });
                for (var number = 1; number <= ingest.QueueCount; number++)
                {
                    rabbit.ReceiveEndpoint(ingest.QueueName(number), endpoint =>
                    {
                        IngestTopology.Configure(endpoint, ingest);
                        endpoint.ConfigureConsumer<ChatMessageBatchConsumer>(context);
                    });
                }
            });
        });
        return builder;
    }
}
