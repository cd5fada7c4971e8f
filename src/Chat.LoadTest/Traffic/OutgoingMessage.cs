namespace Chat.LoadTest.Traffic;

/// <summary>One send: the bytes, where they go, and what the run expects of them.</summary>
/// <param name="Sequence">Position in the run's send order.</param>
/// <param name="OriginalIndex">The original whose id this send carries (itself for an original; -1 for an invalid one).</param>
public sealed record OutgoingMessage(
    long Sequence,
    MessageKind Kind,
    long OriginalIndex,
    string RoutingKey,
    string ContentType,
    byte[] Body);
