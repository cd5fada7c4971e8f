using Chat.Projections.Options;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Chat.Projections.Consumers;

/// <summary>The refresh requests' own queue (RabbitMq:RefreshQueue); instances compete for its messages.</summary>
public sealed class RefreshProjectionsConsumerDefinition : ConsumerDefinition<RefreshProjectionsConsumer>
{
    public RefreshProjectionsConsumerDefinition(IOptions<RabbitMqOptions> options)
    {
        EndpointName = options.Value.RefreshQueue;
        ConcurrentMessageLimit = 1;
    }
}
