namespace Chat.Ingest.Consumers;

/// <summary>
/// One delivery exactly as RabbitMQ handed it over: the raw body and where it came from. The
/// batch consumer parses it with Chat.Contracts, so that a malformed body becomes a row of
/// rejected_messages (in the same transaction as its batch) instead of a MassTransit fault.
/// </summary>
public sealed record ChatDelivery(
    ReadOnlyMemory<byte> Body,
    string? ContentType,
    string? Exchange,
    string? RoutingKey,
    DateTimeOffset ReceivedAt);
