using System.Globalization;
using Chat.Contracts;
using Chat.Ingest.Consumers;

namespace Chat.Ingest.Storage;

/// <summary>A delivery and what reading it gave: a message to store, or a reason to reject it.</summary>
public sealed record ParsedDelivery(ChatDelivery Delivery, ChatMessageParseResult Result)
{
    /// <summary>How many bytes of a too large payload rejected_messages keeps.</summary>
    public const int KeptPrefixBytes = 1024;

    /// <summary>Reads with the default limits (as the benchmarks do).</summary>
    public static ParsedDelivery Parse(ChatDelivery delivery) => Parse(delivery, int.MaxValue, TimestampWindow.Default);

    public static ParsedDelivery Parse(ChatDelivery delivery, int maxPayloadBytes, TimestampWindow window)
    {
        if (delivery.Body.Length > maxPayloadBytes)
        {
            return new(delivery, ChatMessageParseResult.Rejected(RejectionReason.PayloadTooLarge, string.Create(CultureInfo.InvariantCulture,
                $"The body is {delivery.Body.Length} bytes; at most {maxPayloadBytes} are read. Kept: its SHA-256, its size and its first {KeptPrefixBytes} bytes.")));
        }

        return new(delivery, ChatMessageWireFormat.Parse(delivery.Body.Span, window, DateTimeOffset.UtcNow));
    }

    internal RejectedRow ToRejectedRow() => new(Delivery, Result.Reason!, Result.Detail!, Result.MessageId,
        Result.Reason == RejectionReason.PayloadTooLarge ? KeptPrefixBytes : int.MaxValue);
}
