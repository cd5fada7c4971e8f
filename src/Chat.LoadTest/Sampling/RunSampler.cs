using Chat.LoadTest.Publishing;
using Chat.Metrics;

namespace Chat.LoadTest.Sampling;

/// <summary>
/// Takes a <see cref="LoadSample"/> every second until stopped: the publisher's confirms, the
/// ingest's metrics, the depth of the queues behind chat.exchange, and the processes' CPU and
/// memory. Keeps the first and latest ingest scrape, so whole-run histograms are their difference.
/// </summary>
public sealed class RunSampler(
    PublishLedger ledger,
    IngestMetricsReader? ingest,
    BrokerQueues broker,
    ProcessSampler processes,
    TimeProvider clock,
    Action<LoadSample>? onSample = null)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly List<LoadSample> _samples = [];
    private IReadOnlySet<string> _queues = new HashSet<string>();
    private long _lastQueueRefresh;
    private IngestMetrics? _previousMetrics;
    private long _previousPublished;
    private double _previousSeconds;
    private long _start;

    public IReadOnlyList<LoadSample> Samples => _samples;

    public IngestMetrics? FirstMetrics { get; private set; }

    public IngestMetrics? LatestMetrics { get; private set; }

    /// <summary>The queues last found bound to chat.exchange.</summary>
    public IReadOnlySet<string> Queues => _queues;

    public LoadSample? Latest => _samples.Count > 0 ? _samples[^1] : null;

    public async Task RunAsync(CancellationToken stop)
    {
        _start = clock.GetTimestamp();
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            do
            {
                var sample = await SampleAsync(stop);
                _samples.Add(sample);
                onSample?.Invoke(sample);
            }
            while (await timer.WaitForNextTickAsync(stop));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private async Task<LoadSample> SampleAsync(CancellationToken cancellationToken)
    {
        var metricsTask = ingest?.ReadAsync(cancellationToken) ?? Task.FromResult<IngestMetrics?>(null);
        var queuesTask = QueueTotalsAsync(cancellationToken);
        var resources = processes.Sample();
        var metrics = await metricsTask;
        var (ready, unacknowledged, consumers) = await queuesTask;

        // Time and confirms read together, after the slower reads, so the publish rate is exact.
        var seconds = clock.GetElapsedTime(_start).TotalSeconds;
        var published = ledger.Confirmed;
        var interval = seconds - _previousSeconds;
        var sample = new LoadSample
        {
            Seconds = Math.Round(seconds, 3),
            Published = published,
            PublishRate = _samples.Count > 0 && interval > 0 ? (published - _previousPublished) / interval : 0,
            QueueDepth = ready + unacknowledged,
            QueueReady = ready,
            QueueUnacknowledged = unacknowledged,
            Consumers = consumers,
            IngestCpu = resources.Cpu(ProcessGroups.Ingest),
            IngestMemoryMb = resources.MemoryMb(ProcessGroups.Ingest),
            PostgresCpu = resources.Cpu(ProcessGroups.Postgres),
            PostgresMemoryMb = resources.MemoryMb(ProcessGroups.Postgres),
            RabbitMqCpu = resources.Cpu(ProcessGroups.RabbitMq),
            RabbitMqMemoryMb = resources.MemoryMb(ProcessGroups.RabbitMq),
            LoadToolCpu = resources.Cpu(ProcessGroups.LoadTool),
            MachineCpu = resources.MachineCpuPercent,
        };

        if (metrics is not null)
        {
            FirstMetrics ??= metrics;
            LatestMetrics = metrics;
            if (_previousMetrics is not null && interval > 0)
            {
                var delta = metrics.Since(_previousMetrics);
                sample = sample with
                {
                    Stored = metrics.Since(FirstMetrics).Stored,
                    StoredRate = delta.Stored / interval,
                    DuplicateRate = delta.Duplicates / interval,
                    RejectedRate = delta.Rejected / interval,
                    LagP50 = delta.EndToEndLagSeconds.Quantile(0.50),
                    LagP95 = delta.EndToEndLagSeconds.Quantile(0.95),
                    LagP99 = delta.EndToEndLagSeconds.Quantile(0.99),
                    BatchWriteP50 = delta.BatchWriteSeconds.Quantile(0.50),
                    BatchWriteP95 = delta.BatchWriteSeconds.Quantile(0.95),
                    BatchWriteP99 = delta.BatchWriteSeconds.Quantile(0.99),
                    MeanBatchSize = delta.BatchSize.Mean,
                    IngestConsumerState = metrics.ConsumerState,
                };
            }
            else
            {
                sample = sample with { Stored = 0 };
            }

            _previousMetrics = metrics;
        }

        _previousPublished = published;
        _previousSeconds = seconds;
        return sample;
    }

    private async Task<(double Ready, double Unacknowledged, double Consumers)> QueueTotalsAsync(CancellationToken cancellationToken)
    {
        try
        {
            // Bindings change only when the ingest (re)declares its topology: look again every 10 s.
            if (_queues.Count == 0 || clock.GetElapsedTime(_lastQueueRefresh) > TimeSpan.FromSeconds(10))
            {
                _queues = await broker.BoundQueuesAsync(cancellationToken);
                _lastQueueRefresh = clock.GetTimestamp();
            }

            var bound = (await broker.QueuesAsync(cancellationToken)).Where(q => _queues.Contains(q.Name)).ToList();
            return (bound.Sum(q => q.Ready), bound.Sum(q => q.Unacknowledged), bound.Sum(q => q.Consumers));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or RabbitMQ.Client.Exceptions.RabbitMQClientException)
        {
            return (double.NaN, double.NaN, double.NaN);
        }
    }
}
