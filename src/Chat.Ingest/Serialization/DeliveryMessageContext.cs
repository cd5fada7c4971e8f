using MassTransit;

namespace Chat.Ingest.Serialization;

/// <summary>
/// The message context of one raw delivery, as read from its transport headers, except for its
/// MessageId, which is new for every delivery. MassTransit's batch consumer keys a batch on the
/// MessageId: two deliveries with the same AMQP message_id would otherwise become one entry of
/// the batch, and the other would be acknowledged without ever being seen. Identity is the
/// body's messageId alone, deduplicated in SQL.
/// </summary>
internal sealed class DeliveryMessageContext(MessageContext transport) : MessageContext
{
    public Guid? MessageId { get; } = NewId.NextGuid();

    public Guid? RequestId => transport.RequestId;

    public Guid? CorrelationId => transport.CorrelationId;

    public Guid? ConversationId => transport.ConversationId;

    public Guid? InitiatorId => transport.InitiatorId;

    public DateTime? ExpirationTime => transport.ExpirationTime;

    public Uri? SourceAddress => transport.SourceAddress;

    public Uri? DestinationAddress => transport.DestinationAddress;

    public Uri? ResponseAddress => transport.ResponseAddress;

    public Uri? FaultAddress => transport.FaultAddress;

    public DateTime? SentTime => transport.SentTime;

    public Headers Headers => transport.Headers;

    public HostInfo Host => transport.Host;
}
