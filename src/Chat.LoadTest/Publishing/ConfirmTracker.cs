using Chat.LoadTest.Traffic;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Chat.LoadTest.Publishing;

/// <summary>
/// Publisher confirms of one channel, tracked here rather than by the client library: the
/// library's tracking adds an "x-dotnet-pub-seq-no" header to every message, and the producers
/// send no headers at all. A basic.return always precedes the ack of the same message, so a
/// returned body marks the oldest outstanding send with those bytes.
/// </summary>
public sealed class ConfirmTracker
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<ulong, Pending> _outstanding = [];

    public ConfirmTracker(IChannel channel)
    {
        channel.BasicAcksAsync += (_, e) => Settle(e.DeliveryTag, e.Multiple, ConfirmOutcome.Confirmed);
        channel.BasicNacksAsync += (_, e) => Settle(e.DeliveryTag, e.Multiple, ConfirmOutcome.Nacked);
        channel.BasicReturnAsync += (_, e) => MarkReturned(e);
        channel.ChannelShutdownAsync += (_, e) => FailAll(e.ReplyText);
    }

    /// <summary>Registers a send before it goes out; the task completes with the broker's answer.</summary>
    public Task<ConfirmOutcome> Register(ulong sequenceNumber, OutgoingMessage message)
    {
        var pending = new Pending(message, new TaskCompletionSource<ConfirmOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_gate)
        {
            _outstanding.Add(sequenceNumber, pending);
        }

        return pending.Outcome.Task;
    }

    private Task Settle(ulong deliveryTag, bool multiple, ConfirmOutcome outcome)
    {
        List<Pending> settled = [];
        lock (_gate)
        {
            if (multiple)
            {
                foreach (var tag in _outstanding.Keys.TakeWhile(t => t <= deliveryTag).ToList())
                {
                    settled.Add(_outstanding[tag]);
                    _outstanding.Remove(tag);
                }
            }
            else if (_outstanding.Remove(deliveryTag, out var one))
            {
                settled.Add(one);
            }
        }

        foreach (var pending in settled)
        {
            pending.Outcome.TrySetResult(pending.Returned && outcome == ConfirmOutcome.Confirmed ? ConfirmOutcome.Returned : outcome);
        }

        return Task.CompletedTask;
    }

    private Task MarkReturned(BasicReturnEventArgs returned)
    {
        lock (_gate)
        {
            foreach (var pending in _outstanding.Values)
            {
                if (!pending.Returned && pending.Message.Body.AsSpan().SequenceEqual(returned.Body.Span))
                {
                    pending.Returned = true;
                    break;
                }
            }
        }

        return Task.CompletedTask;
    }

    private Task FailAll(string reason)
    {
        List<Pending> failed;
        lock (_gate)
        {
            failed = [.. _outstanding.Values];
            _outstanding.Clear();
        }

        foreach (var pending in failed)
        {
            pending.Outcome.TrySetException(new InvalidOperationException($"The channel closed before the broker confirmed: {reason}"));
        }

        return Task.CompletedTask;
    }

    private sealed class Pending(OutgoingMessage message, TaskCompletionSource<ConfirmOutcome> outcome)
    {
        public OutgoingMessage Message { get; } = message;

        public TaskCompletionSource<ConfirmOutcome> Outcome { get; } = outcome;

        public bool Returned { get; set; }
    }
}

public enum ConfirmOutcome
{
    Confirmed,
    Nacked,
    Returned,
}
