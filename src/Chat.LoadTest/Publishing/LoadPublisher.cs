using Chat.LoadTest.Traffic;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Chat.LoadTest.Publishing;

/// <summary>
/// Publishes the run's traffic the way the producers do (persistent, no message id, no headers,
/// their content types, to chat.exchange with key room.{n}), on several connections and
/// channels with publisher confirms, mandatory so an unroutable send comes back instead of
/// vanishing. Every outcome goes into the <see cref="PublishLedger"/>.
/// </summary>
public sealed class LoadPublisher(
    RabbitMqSettings broker,
    PublisherSettings settings,
    LoadTraffic traffic,
    PublishLedger ledger,
    TimeProvider clock)
{
    public const string Exchange = "chat.exchange";

    private const int Attempts = 3;

    private static readonly BasicProperties TextPlain = new() { ContentType = ChatServerMessage.ContentType, Persistent = true };
    private static readonly BasicProperties ApplicationJson = new() { ContentType = LoadGeneratorMessage.ContentType, Persistent = true };

    private long _sent;

    /// <summary>Sends handed to the client so far (confirmed or not).</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Declares chat.exchange as the ingest does (durable topic), so a first run works on an empty broker.</summary>
    public async Task DeclareExchangeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await broker.ConnectionFactory("chat-loadtest-setup").CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await channel.ExchangeDeclareAsync(Exchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken);
    }

    /// <summary>Publishes until the sequence runs out; returns when every send is confirmed or failed.</summary>
    public async Task RunAsync(SendSequence sequence, PublishPacer pacer, CancellationToken cancellationToken)
    {
        settings.Validate();
        var connections = new List<IConnection>();
        try
        {
            var senders = new List<Task>();
            for (var c = 0; c < settings.Connections; c++)
            {
                var connection = await broker.ConnectionFactory($"chat-loadtest-{c}").CreateConnectionAsync(cancellationToken);
                connections.Add(connection);
                for (var h = 0; h < settings.ChannelsPerConnection; h++)
                {
                    // Confirms on, the library's tracking off: see ConfirmTracker.
                    var channel = await connection.CreateChannelAsync(
                        new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: false),
                        cancellationToken);
                    senders.Add(SendOnChannelAsync(channel, sequence, pacer, cancellationToken));
                }
            }

            await Task.WhenAll(senders);
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.CloseAsync(CancellationToken.None);
                connection.Dispose();
            }
        }
    }

    private async Task SendOnChannelAsync(IChannel channel, SendSequence sequence, PublishPacer pacer, CancellationToken cancellationToken)
    {
        await using var _ = channel;
        var confirms = new ConfirmTracker(channel);
        var inFlight = new Queue<(OutgoingMessage Message, Task<ConfirmOutcome> Confirm)>();
        while (!cancellationToken.IsCancellationRequested && channel.IsOpen && sequence.TryTake(pacer.ChunkSize, out var first, out var count))
        {
            var wait = pacer.Reserve(count);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, clock, cancellationToken);
            }

            for (var s = first; s < first + count; s++)
            {
                var message = traffic.Create(s, clock.GetUtcNow());
                inFlight.Enqueue((message, await PublishAsync(channel, confirms, message, cancellationToken)));
                Interlocked.Increment(ref _sent);
            }

            // Record what is already confirmed (so the per-second publish rate is current),
            // then wait for the oldest while more than the window is outstanding.
            while (inFlight.Count > 0 && (inFlight.Peek().Confirm.IsCompleted || inFlight.Count > settings.ConfirmWindow))
            {
                var (message, confirm) = inFlight.Dequeue();
                await SettleAsync(channel, confirms, message, confirm, cancellationToken);
            }
        }

        while (inFlight.TryDequeue(out var pending))
        {
            await SettleAsync(channel, confirms, pending.Message, pending.Confirm, cancellationToken);
        }
    }

    /// <summary>Sends one message (mandatory: an unroutable one comes back instead of vanishing); the task is the broker's answer.</summary>
    private static async Task<Task<ConfirmOutcome>> PublishAsync(IChannel channel, ConfirmTracker confirms, OutgoingMessage message, CancellationToken cancellationToken)
    {
        var confirm = confirms.Register(await channel.GetNextPublishSequenceNumberAsync(cancellationToken), message);
        await channel.BasicPublishAsync(
            Exchange,
            message.RoutingKey,
            mandatory: true,
            message.ContentType == ChatServerMessage.ContentType ? TextPlain : ApplicationJson,
            message.Body,
            cancellationToken);
        return confirm;
    }

    private async Task SettleAsync(IChannel channel, ConfirmTracker confirms, OutgoingMessage message, Task<ConfirmOutcome> confirm, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                switch (await confirm)
                {
                    case ConfirmOutcome.Confirmed:
                        ledger.RecordConfirmed(message);
                        return;
                    case ConfirmOutcome.Returned:
                        ledger.RecordReturned(message);
                        return;
                    case ConfirmOutcome.Nacked when attempt < Attempts && channel.IsOpen:
                        // The broker did not take it. Producers send again; a duplicate is harmless.
                        confirm = await PublishAsync(channel, confirms, message, cancellationToken);
                        continue;
                    default:
                        ledger.RecordFailed(message, $"nacked {attempt} times");
                        return;
                }
            }
            catch (Exception e) when (e is InvalidOperationException or OperationCanceledException or AlreadyClosedException or OperationInterruptedException)
            {
                ledger.RecordFailed(message, e.Message);
                return;
            }
        }
    }
}
