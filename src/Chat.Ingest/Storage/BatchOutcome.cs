using Chat.Ingest.Consumers;

namespace Chat.Ingest.Storage;

/// <summary>What one batch did, once committed (possibly as several transactions when a delivery had to be isolated).</summary>
/// <param name="Stored">Messages appended to the log.</param>
/// <param name="Duplicates">Valid messages whose message_id was already stored with the same content (or repeated in the batch).</param>
/// <param name="Conflicts">Valid messages whose message_id was already stored with different content (recorded as message_id_conflict, also in <paramref name="Rejected"/>).</param>
/// <param name="Rejected">The reason of every delivery recorded in (or already in) rejected_messages.</param>
/// <param name="Parked">Deliveries that could not even be recorded: to the parking queue with their reason.</param>
/// <param name="CommittedAt">When the (last) transaction committed.</param>
public sealed record BatchOutcome(
    int Stored, int Duplicates, int Conflicts, IReadOnlyList<string> Rejected, IReadOnlyList<ParkedDelivery> Parked, DateTimeOffset CommittedAt)
{
    public static BatchOutcome Empty { get; } = new(0, 0, 0, [], [], DateTimeOffset.MinValue);

    public BatchOutcome Add(BatchOutcome other) => new(
        Stored + other.Stored, Duplicates + other.Duplicates, Conflicts + other.Conflicts,
        [.. Rejected, .. other.Rejected], [.. Parked, .. other.Parked],
        CommittedAt > other.CommittedAt ? CommittedAt : other.CommittedAt);
}

/// <summary>A delivery neither stored nor recorded, with the reason it goes to the parking queue.</summary>
public sealed record ParkedDelivery(ChatDelivery Delivery, string Reason, string Detail);
