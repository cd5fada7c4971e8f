using Chat.LoadTest.Publishing;
using Chat.LoadTest.Reporting;
using Chat.LoadTest.Sampling;
using Chat.LoadTest.Traffic;
using Chat.LoadTest.Verification;
using Chat.Metrics;

namespace Chat.LoadTest.Profiles;

/// <summary>
/// One measured run: waits for a consumer behind chat.exchange, publishes while sampling every
/// second, waits until the ingest has drained the queue, checks the exactly-once outcome in the
/// database, and writes samples.csv and the charts to the step's folder.
/// </summary>
public sealed class LoadRun(LoadEnvironment environment, PublisherSettings publisherSettings, TimeSpan drainTimeout)
{
    private static readonly TimeSpan ConsumerWait = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan StallLimit = TimeSpan.FromSeconds(60);

    private TextWriter Output => environment.Output;

    private TimeProvider Clock => environment.Clock;

    public async Task<RunSummary> RunAsync(StepPlan step, TrafficSettings trafficTemplate, CancellationToken cancellationToken)
    {
        var traffic = new LoadTraffic(trafficTemplate with { RunId = step.RunId });
        var stepPublishing = publisherSettings with { Rate = step.Rate };
        stepPublishing.Validate();
        var ledger = new PublishLedger();
        var publisher = new LoadPublisher(environment.Broker, stepPublishing, traffic, ledger, Clock);
        var database = new RunDatabase(environment.Database);
        await using var broker = new BrokerQueues(environment.Broker);

        await publisher.DeclareExchangeAsync(cancellationToken);
        var queues = await WaitForConsumersAsync(broker, cancellationToken);
        var errorQueuesBefore = await ErrorQueueDepthAsync(broker, cancellationToken);

        var live = new LiveDisplay(Output, step.Messages);
        var sampler = new RunSampler(ledger, environment.IngestMetrics, broker, new ProcessSampler(environment.Processes), Clock, live.Show);
        using var stopSampling = new CancellationTokenSource();
        var startedAt = Clock.GetUtcNow();
        var start = Clock.GetTimestamp();
        var sampling = sampler.RunAsync(stopSampling.Token);

        await Output.WriteLineAsync($"==> {step.Name}: run id {step.RunId}, {Describe(step)}, queues {string.Join(", ", queues)}");
        await publisher.RunAsync(new SendSequence(step.Messages, step.Duration, Clock), new PublishPacer(step.Rate, Clock), cancellationToken);
        var publishSeconds = Clock.GetElapsedTime(start).TotalSeconds;
        await Output.WriteLineAsync($"==> published {ledger.Confirmed:N0} confirmed in {publishSeconds:N1} s; waiting for the ingest to drain");

        var expected = ExpectedOutcome.From(ledger, traffic);
        await WaitForDrainAsync(database, traffic, expected, ledger, sampler, cancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(1.5), Clock, cancellationToken); // one more sample after the last commit
        await stopSampling.CancelAsync();
        await sampling;
        live.Finish();

        var stored = await database.StoredByRoomAsync(traffic.IdRangeStart, traffic.IdRangeEnd, cancellationToken);
        var rejected = await database.RejectedCountAsync(ledger.InvalidPayloadHashes, cancellationToken);
        var depth = await broker.SettledDepthAsync(sampler.Queues, TimeSpan.FromSeconds(30), cancellationToken);
        var errorGrowth = await ErrorQueueDepthAsync(broker, cancellationToken) - errorQueuesBefore;
        var verdict = ExactlyOnceVerdict.Judge(expected, new ObservedOutcome(stored, rejected, depth, errorGrowth));

        var lag = await database.LagAsync(traffic.IdRangeStart, traffic.IdRangeEnd, startedAt, cancellationToken);
        var samples = WithStoredLag(sampler.Samples, lag);
        var wholeRun = sampler.LatestMetrics is { } last && sampler.FirstMetrics is { } first ? last.Since(first) : IngestMetrics.Zero;

        Directory.CreateDirectory(step.Folder);
        await SamplesCsv.WriteAsync(step.Folder, samples, cancellationToken);
        var charts = RunCharts.Write(step.Folder, step.Name, samples, wholeRun.BatchWriteSeconds);

        return new RunSummary
        {
            Step = step.Name,
            RunId = step.RunId,
            StartedAt = startedAt,
            Settings = new RunSettings(step.Messages, step.Duration?.TotalSeconds, step.Rate, stepPublishing.Connections,
                stepPublishing.ChannelsPerConnection, stepPublishing.ConfirmWindow, traffic.Settings.Rooms, traffic.Settings.Users,
                traffic.Settings.MinContentLength, traffic.Settings.MaxContentLength, traffic.Settings.ChatServerShare,
                traffic.Settings.DuplicateShare, traffic.Settings.InvalidShare, step.BatchSize),
            Counts = new RunCounts(publisher.Sent, ledger.Confirmed, ledger.ConfirmedDuplicates, ledger.ConfirmedInvalid,
                expected.Unconfirmed, expected.Stored.Messages, stored.Messages, rejected),
            Throughput = new RunThroughput(publishSeconds, ledger.Confirmed / publishSeconds, lag.LastCommitSeconds,
                stored.Messages / lag.LastCommitSeconds, PeakTenSecondRate(samples)),
            EndToEndLagSeconds = lag.Rows > 0 ? new Percentiles(lag.P50, lag.P95, lag.P99, lag.Max) : Percentiles.Unknown,
            BatchWriteSeconds = wholeRun.BatchWriteSeconds.Count > 0
                ? new Percentiles(wholeRun.BatchWriteSeconds.Quantile(0.5), wholeRun.BatchWriteSeconds.Quantile(0.95),
                    wholeRun.BatchWriteSeconds.Quantile(0.99), double.NaN)
                : Percentiles.Unknown,
            MeanBatchSize = wholeRun.BatchSize.Mean,
            PeakQueueDepth = samples.Select(s => s.QueueDepth).Where(d => !double.IsNaN(d)).DefaultIfEmpty(double.NaN).Max(),
            Resources = ResourceUses(samples),
            Passed = verdict.Passed,
            Failures = verdict.Failures,
            Charts = charts,
        };
    }

    private static string Describe(StepPlan step) =>
        (step.Messages is { } m ? $"{m:N0} messages" : $"{step.Duration!.Value.TotalSeconds:N0} s")
        + (step.Rate is { } r ? $" at {r:N0} msg/s" : " as fast as possible")
        + (step.BatchSize is { } b ? $", ingest batch size {b:N0}" : "");

    private async Task<IReadOnlySet<string>> WaitForConsumersAsync(BrokerQueues broker, CancellationToken cancellationToken)
    {
        var deadline = Clock.GetTimestamp();
        while (true)
        {
            var bound = await broker.BoundQueuesAsync(cancellationToken);
            var consumed = (await broker.QueuesAsync(cancellationToken)).Where(q => bound.Contains(q.Name) && q.Consumers > 0).ToList();
            if (bound.Count > 0 && consumed.Count == bound.Count)
            {
                return bound;
            }

            if (Clock.GetElapsedTime(deadline) > ConsumerWait)
            {
                throw new InvalidOperationException(bound.Count == 0
                    ? $"No queue is bound to {LoadPublisher.Exchange}: is Chat.Ingest running? (./chat ingest start)"
                    : $"Queues without a consumer behind {LoadPublisher.Exchange}: {string.Join(", ", bound.Except(consumed.Select(q => q.Name)))}");
            }

            await Task.Delay(TimeSpan.FromSeconds(1), Clock, cancellationToken);
        }
    }

    private static async Task<long> ErrorQueueDepthAsync(BrokerQueues broker, CancellationToken cancellationToken) =>
        (await broker.QueuesAsync(cancellationToken)).Where(q => BrokerQueues.IsErrorQueue(q.Name)).Sum(q => q.Messages);

    /// <summary>Until every expected row and reject is in the database and nothing waits in the queues; or nothing moves for a minute; or the drain timeout.</summary>
    private async Task WaitForDrainAsync(RunDatabase database, LoadTraffic traffic, ExpectedOutcome expected, PublishLedger ledger,
        RunSampler sampler, CancellationToken cancellationToken)
    {
        var start = Clock.GetTimestamp();
        var lastChange = start;
        var lastProgress = -1L;
        while (true)
        {
            var stored = await database.StoredCountAsync(traffic.IdRangeStart, traffic.IdRangeEnd, cancellationToken);
            var rejected = await database.RejectedCountAsync(ledger.InvalidPayloadHashes, cancellationToken);
            // Ready messages are exact; unacknowledged ones are settled by the final check.
            if (stored >= expected.Stored.Messages && rejected >= expected.Rejected && sampler.Latest?.QueueReady == 0)
            {
                return;
            }

            if (stored + rejected != lastProgress)
            {
                lastProgress = stored + rejected;
                lastChange = Clock.GetTimestamp();
            }

            if (Clock.GetElapsedTime(lastChange) > StallLimit || Clock.GetElapsedTime(start) > drainTimeout)
            {
                await Output.WriteLineAsync(
                    $"==> gave up waiting: {stored:N0} of {expected.Stored.Messages:N0} rows and {rejected:N0} of {expected.Rejected:N0} rejects stored, queue depth {sampler.Latest?.QueueDepth}");
                return;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), Clock, cancellationToken);
        }
    }

    /// <summary>Sample i covers the second before it, so rows committed in second s of the run belong to the sample at s + 1.</summary>
    private static List<LoadSample> WithStoredLag(IReadOnlyList<LoadSample> samples, StoredLag lag)
    {
        var bySecond = lag.PerSecond.ToDictionary(s => s.Second);
        return [.. samples.Select(sample =>
            bySecond.TryGetValue((long)Math.Round(sample.Seconds) - 1, out var second)
                ? sample with { DbLagP50 = second.P50, DbLagP95 = second.P95, DbLagP99 = second.P99, DbStoredRate = second.Rows }
                : sample with { DbStoredRate = sample.Seconds >= 1 ? 0 : double.NaN })];
    }

    /// <summary>The best 10-second average of rows stored per second (over the seconds that stored any, in a shorter run).</summary>
    private static double PeakTenSecondRate(IReadOnlyList<LoadSample> samples)
    {
        var rates = samples.Select(s => double.IsNaN(s.DbStoredRate) ? 0 : s.DbStoredRate).ToArray();
        var window = Math.Clamp(rates.Count(r => r > 0), 1, 10);
        var peak = 0.0;
        for (var i = 0; i + window <= rates.Length; i++)
        {
            peak = Math.Max(peak, rates.AsSpan(i, window).ToArray().Average());
        }

        return peak;
    }

    private static IReadOnlyList<ResourceUse> ResourceUses(IReadOnlyList<LoadSample> samples)
    {
        ResourceUse Use(string group, Func<LoadSample, double> cpu, Func<LoadSample, double> memory)
        {
            var cpus = samples.Select(cpu).Where(v => !double.IsNaN(v)).ToList();
            var memories = samples.Select(memory).Where(v => !double.IsNaN(v)).ToList();
            return new ResourceUse(group,
                cpus.Count > 0 ? cpus.Average() : double.NaN,
                cpus.Count > 0 ? cpus.Max() : double.NaN,
                memories.Count > 0 ? memories.Max() : double.NaN);
        }

        return
        [
            Use(ProcessGroups.Ingest, s => s.IngestCpu, s => s.IngestMemoryMb),
            Use(ProcessGroups.Postgres, s => s.PostgresCpu, s => s.PostgresMemoryMb),
            Use(ProcessGroups.RabbitMq, s => s.RabbitMqCpu, s => s.RabbitMqMemoryMb),
            Use(ProcessGroups.LoadTool, s => s.LoadToolCpu, _ => double.NaN),
        ];
    }
}
