using System.Security.Cryptography;
using Chat.Ingest.Consumers;

namespace Chat.Ingest.Storage;

/// <summary>A row of rejected_messages: the payload byte for byte, where it came from and why it was refused.</summary>
internal sealed record RejectedRow(ChatDelivery Delivery, string Reason, string Detail, string? MessageId)
{
    public byte[] Payload { get; } = Delivery.Body.ToArray();

    public byte[] PayloadSha256 { get; } = SHA256.HashData(Delivery.Body.Span);
}
