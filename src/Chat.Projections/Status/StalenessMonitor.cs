using Chat.Contracts.Projections;
using Chat.Projections.Options;
using Chat.Projections.Refresh;
using Marten;
using Microsoft.Extensions.Options;

namespace Chat.Projections.Status;

/// <summary>
/// Keeps the staleness and row gauges current between refreshes, from the status documents (so
/// refreshes by other instances count too). While the database is away, staleness keeps growing
/// from the last status it read.
/// </summary>
public sealed class StalenessMonitor(
    IDocumentStore store, IOptions<RefreshOptions> options, TimeProvider time, ILogger<StalenessMonitor> logger)
    : BackgroundService
{
    private static readonly string[] ViewNames = [.. ProjectedView.All.Select(v => v.Name)];
    private readonly Dictionary<string, ViewRefreshStatus> _latest = [];
    private bool _readFailing;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.StalenessSampleInterval, time);
        do
        {
            await SampleAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task SampleAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var session = store.QuerySession();
            foreach (var status in await session.LoadManyAsync<ViewRefreshStatus>(cancellationToken, ViewNames))
            {
                _latest[status.Id] = status;
            }

            if (_readFailing)
            {
                _readFailing = false;
                logger.LogInformation("Reading the views' refresh status again");
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e) // the gauges keep moving whatever the database does
        {
            if (!_readFailing)
            {
                _readFailing = true;
                logger.LogWarning(e, "Could not read the views' refresh status; staleness counts on from the last status read");
            }
        }

        var now = time.GetUtcNow();
        foreach (var status in _latest.Values)
        {
            if (status.StalenessAt(now) is { } staleness)
            {
                RefreshMetrics.Staleness.WithLabels(status.Id).Set(staleness.TotalSeconds);
            }

            if (status.Rows is { } rows)
            {
                RefreshMetrics.Rows.WithLabels(status.Id).Set(rows);
            }
        }
    }
}
