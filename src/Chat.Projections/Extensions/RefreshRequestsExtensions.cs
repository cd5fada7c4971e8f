using Chat.Projections.Consumers;
using Chat.Projections.Options;
using Chat.ServiceDefaults;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Chat.Projections.Extensions;

public static class RefreshRequestsExtensions
{
    /// <summary>
    /// MassTransit on RabbitMQ (RabbitMq section): the RefreshProjections consumer on its own queue,
    /// and the bus in the readiness check.
    /// </summary>
    public static TBuilder AddChatRefreshRequests<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<RabbitMqOptions>().BindConfiguration(RabbitMqOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();

        builder.Services.AddMassTransit(bus =>
        {
            // MassTransit would otherwise report usage to an internet host (usage-tracking.masstransit.io).
            bus.DisableUsageTelemetry();
            bus.AddConsumer<RefreshProjectionsConsumer, RefreshProjectionsConsumerDefinition>();
            bus.ConfigureHealthCheckOptions(health =>
            {
                health.Name = "bus";
                health.Tags.Add(ServiceDefaultsExtensions.ReadyTag);
            });
            bus.UsingRabbitMq((context, rabbit) =>
            {
                var options = context.GetRequiredService<IOptions<RabbitMqOptions>>().Value;
                rabbit.Host(options.Host, (ushort)options.Port, options.VirtualHost, host =>
                {
                    host.Username(options.Username);
                    host.Password(options.Password);
                });
                rabbit.ConfigureEndpoints(context);
            });
        });
        return builder;
    }
}
