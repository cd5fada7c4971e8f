using System.Diagnostics.CodeAnalysis;
using Chat.Ingest.Consumers;
using MassTransit;
using MassTransit.Serialization;

namespace Chat.Ingest.Serialization;

/// <summary>The one message a raw delivery holds: the <see cref="ChatDelivery"/> itself.</summary>
internal sealed class ChatDeliverySerializerContext(MessageContext context, string[] supportedMessageTypes, ChatDelivery delivery)
    : BaseSerializerContext(SystemTextJsonMessageSerializer.Instance, context, supportedMessageTypes)
{
    public override bool TryGetMessage<T>(out T? message)
        where T : class
    {
        message = delivery as T;
        return message is not null;
    }

    public override bool TryGetMessage(Type messageType, [NotNullWhen(true)] out object? message)
    {
        message = messageType.IsInstanceOfType(delivery) ? delivery : null;
        return message is not null;
    }

    public override bool IsSupportedMessageType<T>()
        where T : class => typeof(T) == typeof(ChatDelivery);

    // The ingest never forwards or re-sends a delivery (faults are rethrown, never moved), but
    // MassTransit asks for a serializer in those paths: forward the body as it came.
    public override IMessageSerializer GetMessageSerializer() => new SystemTextJsonRawMessageSerializer();

    public override IMessageSerializer GetMessageSerializer<T>(MessageEnvelope envelope, T message)
        where T : class => new SystemTextJsonRawMessageSerializer();

    public override IMessageSerializer GetMessageSerializer(object message, string[] messageTypes) => new SystemTextJsonRawMessageSerializer();

    public override Dictionary<string, object> ToDictionary<T>(T? message)
        where T : class => [];
}
