using Chat.Ingest.Options;
using Chat.Ingest.Serialization;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Chat.Ingest.Consumers;

/// <summary>
/// How <see cref="ChatMessageBatchConsumer"/> consumes on each of its receive endpoints: raw
/// deliveries whatever their content type, batches of the configured size and time, and faults
/// returned to the queue (never moved to an error queue).
/// </summary>
public sealed class ChatMessageBatchConsumerDefinition(IOptions<IngestOptions> options) : ConsumerDefinition<ChatMessageBatchConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ChatMessageBatchConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        var settings = options.Value;

        // Every delivery reaches the consumer as raw bytes, to be parsed (and if need be rejected) there.
        // (The endpoint sends nothing; MassTransit still wants one serializer.)
        endpointConfigurator.ClearSerialization();
        foreach (var contentType in ChatDeliveryDeserializer.ContentTypes)
        {
            var isDefault = contentType == ChatDeliveryDeserializer.ContentTypes[0];
            endpointConfigurator.AddDeserializer(new ChatDeliveryDeserializer(contentType), isDefault);
            if (isDefault)
            {
                endpointConfigurator.AddSerializer(new ChatDeliveryDeserializer(contentType));
            }
        }

        // The consumer only faults for something unexpected (a bug, not bad input, not the
        // database being away): such deliveries go back to the queue, and the kill switch stops
        // the endpoint for a while if it keeps happening. Nothing is moved to an _error queue.
        endpointConfigurator.RethrowFaultedMessages();
        endpointConfigurator.UseKillSwitch(k => k
            .SetActivationThreshold(10)
            .SetTripThreshold(0.1)
            .SetRestartTimeout(settings.KillSwitchRestartTimeout));

        endpointConfigurator.PrefetchCount = settings.EffectivePrefetchCount;
        consumerConfigurator.Options<BatchOptions>(batch => batch
            .SetMessageLimit(settings.MessageLimit)
            .SetTimeLimit(settings.TimeLimit)
            .SetConcurrencyLimit(settings.ConcurrencyLimit));
    }
}
