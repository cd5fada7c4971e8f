namespace Chat.Ingest.Storage;

/// <summary>What one committed batch did.</summary>
/// <param name="Stored">Messages appended to the log.</param>
/// <param name="Duplicates">Valid messages whose message_id was already stored (or repeated in the batch).</param>
/// <param name="Rejected">The reason of every delivery recorded in (or already in) rejected_messages.</param>
/// <param name="CommittedAt">When the transaction committed.</param>
public sealed record BatchOutcome(int Stored, int Duplicates, IReadOnlyList<string> Rejected, DateTimeOffset CommittedAt);
