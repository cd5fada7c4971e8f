using Chat.Ingest.Metrics;
using Chat.Ingest.Options;
using Chat.Ingest.Parking;
using Chat.Ingest.Storage;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Chat.Ingest.Consumers;

/// <summary>
/// Stores a batch of deliveries in one transaction: valid messages into messages, the others into
/// rejected_messages with their reason. MassTransit acknowledges the deliveries only after this
/// returns, that is after the commit. While the database is unavailable the batch is written
/// again with a growing back-off and held (unacknowledged, so no further deliveries arrive on
/// this endpoint); it never faults merely because the database is away.
/// </summary>
public sealed class ChatMessageBatchConsumer(
    MessageBatchWriter writer,
    ParkingLot parking,
    ConsumptionState state,
    IOptions<IngestOptions> options,
    ILogger<ChatMessageBatchConsumer> logger) : IConsumer<Batch<ChatDelivery>>
{
    public async Task Consume(ConsumeContext<Batch<ChatDelivery>> context)
    {
        var settings = options.Value;
        var window = settings.TimestampWindow;
        var batch = new List<ParsedDelivery>(context.Message.Length);
        foreach (var delivery in context.Message)
        {
            batch.Add(ParsedDelivery.Parse(delivery.Message, settings.MaxPayloadBytes, window));
        }

        var outcome = await WriteUntilStoredAsync(batch, context.CancellationToken);

        // Confirmed by the broker before the batch is acknowledged; if the broker refuses, the
        // batch faults and comes back (its committed part is idempotent).
        await parking.ParkAsync(outcome.Parked, CancellationToken.None);
        foreach (var parked in outcome.Parked)
        {
            IngestMetrics.DeliveriesParked.WithLabels(parked.Reason).Inc();
        }

        IngestMetrics.Batches.Inc();
        IngestMetrics.BatchSize.Observe(batch.Count);
        IngestMetrics.MessagesStored.Inc(outcome.Stored);
        IngestMetrics.MessagesDuplicate.Inc(outcome.Duplicates);
        IngestMetrics.MessagesConflict.Inc(outcome.Conflicts);
        foreach (var reason in outcome.Rejected)
        {
            IngestMetrics.MessagesRejected.WithLabels(reason).Inc();
        }

        foreach (var parsed in batch)
        {
            if (parsed.Result.Message is { } message)
            {
                IngestMetrics.EndToEndLagSeconds.Observe((outcome.CommittedAt - message.Timestamp).TotalSeconds);
            }
        }

        if (outcome.Rejected.Count > 0 || outcome.Parked.Count > 0)
        {
            logger.LogInformation("Batch of {Count}: {Stored} stored, {Duplicates} duplicate, {Rejected} rejected ({Conflicts} id conflicts), {Parked} parked",
                batch.Count, outcome.Stored, outcome.Duplicates, outcome.Rejected.Count, outcome.Conflicts, outcome.Parked.Count);
        }
    }

    private async Task<BatchOutcome> WriteUntilStoredAsync(List<ParsedDelivery> batch, CancellationToken cancellationToken)
    {
        var delay = options.Value.RetryMinDelay;
        var waiting = false;
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var started = TimeProvider.System.GetTimestamp();
                try
                {
                    // Not cancelled by shutdown: the batch in hand is committed before the host stops.
                    var outcome = await writer.WriteAsync(batch, CancellationToken.None);
                    IngestMetrics.BatchWriteSeconds.Observe(TimeProvider.System.GetElapsedTime(started).TotalSeconds);
                    if (waiting)
                    {
                        logger.LogInformation("Database available again: batch of {Count} stored after {Attempts} attempts", batch.Count, attempt);
                    }

                    return outcome;
                }
                catch (Exception e) when (DatabaseFailure.IsTransient(e))
                {
                    if (!waiting)
                    {
                        waiting = true;
                        state.WaitingForDatabase();
                    }

                    IngestMetrics.DatabaseRetries.Inc();
                    logger.LogWarning("Database unavailable ({Error}); batch of {Count} held, attempt {Attempt}, next in {Delay}",
                        e.Message, batch.Count, attempt, delay);
                    // Shutdown cancels the wait: the batch is then returned to the queue unacknowledged.
                    await Task.Delay(delay, cancellationToken);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.Value.RetryMaxDelay.Ticks));
                }
            }
        }
        finally
        {
            if (waiting)
            {
                state.DatabaseWaitEnded();
            }
        }
    }
}
