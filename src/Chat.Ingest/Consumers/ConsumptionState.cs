using System.Collections.Concurrent;
using Chat.Ingest.Metrics;
using Chat.Ingest.Options;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Chat.Ingest.Consumers;

/// <summary>
/// Whether the ingest is consuming, published as chat_ingest_consumer_state: every receive
/// endpoint is ready (none stopped by the kill switch) and no batch is waiting for the database.
/// </summary>
public sealed class ConsumptionState(IOptions<IngestOptions> options) : IReceiveEndpointObserver
{
    private readonly ConcurrentDictionary<Uri, bool> _readyEndpoints = new();
    private int _batchesWaitingForDatabase;

    public bool IsConsuming => _readyEndpoints.Count >= ExpectedEndpoints && Volatile.Read(ref _batchesWaitingForDatabase) == 0;

    /// <summary>One receive endpoint per queue.</summary>
    public int ExpectedEndpoints => options.Value.QueueCount;

    /// <summary>The receive endpoints consuming now (ready, not stopped, faulted or reconnecting).</summary>
    public IReadOnlyCollection<Uri> ReadyEndpoints => [.. _readyEndpoints.Keys];

    /// <summary>A batch found the database unavailable and waits to write again.</summary>
    public void WaitingForDatabase()
    {
        Interlocked.Increment(ref _batchesWaitingForDatabase);
        Publish();
    }

    /// <summary>A batch that was waiting for the database has been written (or given up on shutdown).</summary>
    public void DatabaseWaitEnded()
    {
        Interlocked.Decrement(ref _batchesWaitingForDatabase);
        Publish();
    }

    public Task Ready(ReceiveEndpointReady ready)
    {
        // The bus's own (response) endpoint is ready too; only the queues' endpoints count.
        if (!IsQueueEndpoint(ready.InputAddress))
        {
            return Task.CompletedTask;
        }

        _readyEndpoints[ready.InputAddress] = true;
        Publish();
        return Task.CompletedTask;
    }

    public Task Stopping(ReceiveEndpointStopping stopping) => NotReady(stopping.InputAddress);

    public Task Completed(ReceiveEndpointCompleted completed) => NotReady(completed.InputAddress);

    public Task Faulted(ReceiveEndpointFaulted faulted) => NotReady(faulted.InputAddress);

    private Task NotReady(Uri inputAddress)
    {
        _readyEndpoints.TryRemove(inputAddress, out _);
        Publish();
        return Task.CompletedTask;
    }

    private bool IsQueueEndpoint(Uri inputAddress)
    {
        var name = inputAddress.AbsolutePath.TrimEnd('/').Split('/')[^1];
        return Enumerable.Range(1, options.Value.QueueCount).Any(n => options.Value.QueueName(n) == name);
    }

    private void Publish() => IngestMetrics.ConsumerState.Set(IsConsuming ? 1 : 0);
}
