using Chat.Projections.Options;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Chat.Projections.Consumers;

/// <summary>The refresh requests' own queue (Refresh:RequestQueue); instances compete for its messages.</summary>
public sealed class RefreshProjectionsConsumerDefinition : ConsumerDefinition<RefreshProjectionsConsumer>
{
    public RefreshProjectionsConsumerDefinition(IOptions<RefreshOptions> options)
    {
        EndpointName = options.Value.RequestQueue;
        ConcurrentMessageLimit = 1;
    }
}
