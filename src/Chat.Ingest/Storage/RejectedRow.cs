using System.Security.Cryptography;
using Chat.Ingest.Consumers;

namespace Chat.Ingest.Storage;

/// <summary>
/// A row of rejected_messages: the payload byte for byte (or only its first
/// <paramref name="keptBytes"/> when it is too large to keep), its SHA-256 and size, where it came
/// from and why it was refused. Every text is escaped (<see cref="RejectText"/>).
/// </summary>
internal sealed record RejectedRow(ChatDelivery Delivery, string Reason, string Detail, string? MessageId, int keptBytes = int.MaxValue)
{
    public byte[] Payload { get; } = Delivery.Body.Span[..Math.Min(Delivery.Body.Length, keptBytes)].ToArray();

    public byte[] PayloadSha256 { get; } = SHA256.HashData(Delivery.Body.Span);

    public int PayloadBytes => Delivery.Body.Length;

    public string EscapedReason { get; } = RejectText.Escape(Reason)!;

    public string EscapedDetail { get; } = RejectText.Escape(Detail)!;

    public string? EscapedMessageId { get; } = RejectText.Escape(MessageId);

    public string? ContentType { get; } = RejectText.Escape(Delivery.ContentType);

    public string? Exchange { get; } = RejectText.Escape(Delivery.Exchange);

    public string? RoutingKey { get; } = RejectText.Escape(Delivery.RoutingKey);

    /// <summary>The same rejection with nothing but the payload, the reason and a plain detail: the last try before parking.</summary>
    public RejectedRow Bare(string detail) => new(Delivery with { ContentType = null, Exchange = null, RoutingKey = null }, Reason, detail, null, keptBytes);
}
