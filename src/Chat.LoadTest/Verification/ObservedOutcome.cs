namespace Chat.LoadTest.Verification;

/// <summary>What the database and broker showed at the end of a run.</summary>
/// <param name="Stored">This run's rows in messages, by room.</param>
/// <param name="Rejected">Rows of rejected_messages whose payload is one of this run's invalid ones.</param>
/// <param name="QueueDepth">Messages left in the queues behind chat.exchange.</param>
/// <param name="ErrorQueueGrowth">Messages that arrived in error queues during the run.</param>
public sealed record ObservedOutcome(RoomTally Stored, long Rejected, long QueueDepth, long ErrorQueueGrowth);
