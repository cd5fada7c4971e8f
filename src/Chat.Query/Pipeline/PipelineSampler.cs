using Chat.Query.Options;
using Microsoft.Extensions.Options;

namespace Chat.Query.Pipeline;

/// <summary>Runs <see cref="PipelineMonitor.SampleAsync"/> every sample interval while the service runs.</summary>
public sealed class PipelineSampler(PipelineMonitor monitor, IOptions<PipelineOptions> options, TimeProvider clock,
    ILogger<PipelineSampler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!monitor.WatchesAnything)
        {
            logger.LogInformation("No pipeline services configured (Pipeline:Ingest, Pipeline:Projections): the dashboard's pipeline panel says so");
            return;
        }

        logger.LogInformation("Watching the pipeline every {Interval}", options.Value.SampleInterval);
        using var timer = new PeriodicTimer(options.Value.SampleInterval, clock);
        try
        {
            do
            {
                try
                {
                    await monitor.SampleAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A bug in one round must not stop the query service (a failed background service stops the host).
                    logger.LogError(e, "Sampling the pipeline failed; trying again in {Interval}", options.Value.SampleInterval);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
