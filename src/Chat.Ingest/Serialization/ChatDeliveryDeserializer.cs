using System.Net.Mime;
using Chat.Ingest.Consumers;
using MassTransit;
using MassTransit.RabbitMqTransport;
using MassTransit.Serialization;

namespace Chat.Ingest.Serialization;

/// <summary>
/// Hands every delivery to the consumer as a <see cref="ChatDelivery"/> (raw body and origin),
/// whatever its content type and whether or not it is JSON, so nothing malformed can fault in
/// MassTransit's deserialization and end up in an error queue.
/// </summary>
public sealed class ChatDeliveryDeserializer(ContentType contentType) : IMessageDeserializer, ISerializerFactory
{
    /// <summary>The content types the producers use; any other is read by the default deserializer, this one too.</summary>
    public static readonly IReadOnlyList<ContentType> ContentTypes =
    [
        new("application/json"),
        new("text/plain"),
        new("application/vnd.masstransit+json"),
        new("application/octet-stream"),
    ];

    private static readonly string[] SupportedMessageTypes = [MessageUrn.ForTypeString<ChatDelivery>()];

    public ContentType ContentType { get; } = contentType;

    public ConsumeContext Deserialize(ReceiveContext receiveContext) =>
        new BodyConsumeContext(receiveContext, Deserialize(receiveContext, receiveContext.Body, receiveContext.TransportHeaders, receiveContext.InputAddress));

    public SerializerContext Deserialize(MessageBody body, Headers headers, Uri? destinationAddress = null) =>
        Deserialize(null, body, headers, destinationAddress);

    public MessageBody GetMessageBody(string text) => new StringMessageBody(text);

    public IMessageSerializer CreateSerializer() => new SystemTextJsonRawMessageSerializer();

    public IMessageDeserializer CreateDeserializer() => this;

    public void Probe(ProbeContext context) => context.CreateScope("chatDelivery").Add("contentType", ContentType.MediaType);

    private static ChatDeliverySerializerContext Deserialize(ReceiveContext? receiveContext, MessageBody body, Headers headers, Uri? destinationAddress)
    {
        string? exchange = null, routingKey = null, contentType = null;
        if (receiveContext is not null && receiveContext.TryGetPayload<RabbitMqBasicConsumeContext>(out var rabbit))
        {
            exchange = rabbit.Exchange;
            routingKey = rabbit.RoutingKey;
            contentType = rabbit.Properties.ContentType;
        }

        var delivery = new ChatDelivery(body.GetBytes(), contentType, exchange, routingKey, DateTimeOffset.UtcNow);
        var messageContext = new DeliveryMessageContext(new RawMessageContext(headers, destinationAddress, RawSerializerOptions.AnyMessageType));
        return new ChatDeliverySerializerContext(messageContext, SupportedMessageTypes, delivery);
    }
}
