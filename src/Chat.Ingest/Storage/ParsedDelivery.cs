using Chat.Contracts;
using Chat.Ingest.Consumers;

namespace Chat.Ingest.Storage;

/// <summary>A delivery and what reading it gave: a message to store, or a reason to reject it.</summary>
public sealed record ParsedDelivery(ChatDelivery Delivery, ChatMessageParseResult Result)
{
    public static ParsedDelivery Parse(ChatDelivery delivery) => new(delivery, ChatMessageWireFormat.Parse(delivery.Body.Span));
}
