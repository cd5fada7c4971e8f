using Chat.Metrics;
using Chat.Query.Options;
using Microsoft.Extensions.Options;

namespace Chat.Query.Pipeline;

/// <summary>
/// What Chat.Query knows about the write path: the state of every configured Chat.Ingest and
/// Chat.Projections instance and the ingest's recent traffic. <see cref="PipelineSampler"/> calls
/// <see cref="SampleAsync"/> every sample interval; the GraphQL 'pipeline' field reads the result.
/// </summary>
public sealed class PipelineMonitor
{
    private const string IngestName = "Chat.Ingest";
    private const string ProjectionsName = "Chat.Projections";

    private readonly ServiceProbe _probe;
    private readonly TimeProvider _clock;
    private readonly List<ServiceStatusTracker> _ingest;
    private readonly List<ServiceStatusTracker> _projections;
    private readonly IngestTrafficHistory _history;

    public PipelineMonitor(IOptions<PipelineOptions> options, ServiceProbe probe, TimeProvider clock)
    {
        _probe = probe;
        _clock = clock;
        _ingest = Trackers(IngestName, PipelineServiceKind.Ingest, options.Value.Ingest);
        _projections = Trackers(ProjectionsName, PipelineServiceKind.Projections, options.Value.Projections);
        _history = new IngestTrafficHistory(options.Value.HistoryCapacity);
    }

    /// <summary>True when at least one service is configured to be watched.</summary>
    public bool WatchesAnything => _ingest.Count + _projections.Count > 0;

    /// <summary>Every configured instance, or one NOT_CONFIGURED entry for a service with none.</summary>
    public IReadOnlyList<ServiceStatus> Services() =>
    [
        .. Statuses(IngestName, PipelineServiceKind.Ingest, _ingest),
        .. Statuses(ProjectionsName, PipelineServiceKind.Projections, _projections),
    ];

    /// <summary>The ingest's samples over the last <paramref name="window"/>.</summary>
    public IngestTraffic Ingest(TimeSpan window) => new(window, _ingest.Count, _history.Since(_clock.GetUtcNow() - window));

    /// <summary>One round: every instance checked at once; the ingest's scrapes recorded as one sample.</summary>
    public async Task SampleAsync(CancellationToken cancellationToken)
    {
        var ingest = _ingest.Select(tracker => CheckIngestAsync(tracker, cancellationToken)).ToList();
        var projections = _projections.Select(tracker => CheckAsync(tracker, cancellationToken)).ToList();
        var scrapes = await Task.WhenAll(ingest);
        await Task.WhenAll(projections);
        if (_ingest.Count > 0)
        {
            _history.Record(_clock.GetUtcNow(), scrapes);
        }
    }

    private async Task CheckAsync(ServiceStatusTracker tracker, CancellationToken cancellationToken) =>
        tracker.Observe(await _probe.CheckReadinessAsync(tracker.Address, cancellationToken), _clock.GetUtcNow());

    /// <summary>An ingest that does not answer its readiness check is not scraped; one that is not ready still reports its metrics.</summary>
    private async Task<(string, IngestMetrics?)> CheckIngestAsync(ServiceStatusTracker tracker, CancellationToken cancellationToken)
    {
        var check = await _probe.CheckReadinessAsync(tracker.Address, cancellationToken);
        IngestMetrics? metrics = null;
        if (check.State != PipelineServiceState.Down)
        {
            (metrics, var error) = await _probe.ScrapeIngestAsync(tracker.Address, cancellationToken);
            if (error is not null)
            {
                check = new ServiceCheck(check.State == PipelineServiceState.Up ? PipelineServiceState.NotReady : check.State,
                    check.Error is null ? error : $"{check.Error}; {error}");
            }
        }

        tracker.Observe(check, _clock.GetUtcNow());
        return (tracker.Address.AbsoluteUri, metrics);
    }

    private static IEnumerable<ServiceStatus> Statuses(string name, PipelineServiceKind kind, List<ServiceStatusTracker> trackers) =>
        trackers.Count == 0 ? [ServiceStatus.NotConfigured(name, kind)] : trackers.Select(t => t.Status);

    private static List<ServiceStatusTracker> Trackers(string name, PipelineServiceKind kind, List<string> addresses) =>
    [
        .. addresses.Select((address, i) => new ServiceStatusTracker(
            addresses.Count == 1 ? name : $"{name} {i + 1}", kind,
            PipelineOptions.BaseAddress(address) ?? throw new InvalidOperationException($"Not validated: {address}"))),
    ];
}
