using System.ComponentModel;
using Chat.Query.Options;
using Chat.Query.Pipeline;
using GraphQL;
using Microsoft.Extensions.Options;

namespace Chat.Query.GraphQL;

/// <summary>The write path's health and the ingest's traffic, as sampled by <see cref="PipelineMonitor"/> (type-first, like <see cref="ChatQuery"/>).</summary>
[Name("Pipeline")]
[Description("The write path as this service sees it: the state of Chat.Ingest and Chat.Projections, and the ingest's throughput and lag, sampled every few seconds from their /health/ready and /metrics.")]
public sealed class PipelineQuery
{
    public static readonly PipelineQuery Instance = new();

    [Description("Every watched instance of Chat.Ingest and Chat.Projections with its state and since when; a service with no instance configured is listed once, as NOT_CONFIGURED.")]
    public static IReadOnlyList<ServiceStatus> Services([FromServices] PipelineMonitor monitor) => monitor.Services();

    [Description("The ingest's traffic over the last minutes: one sample per sampling interval (all instances together), and the window as a whole. Empty when no ingest is configured.")]
    public static IngestTraffic Ingest(
        [FromServices] PipelineMonitor monitor,
        [FromServices] IOptions<PipelineOptions> options,
        [Description("How many minutes back: 1 up to the history the server keeps (15 minutes unless configured otherwise).")] int lastMinutes = 5)
    {
        var history = (int)Math.Ceiling(options.Value.History.TotalMinutes);
        if (lastMinutes < 1 || lastMinutes > history)
        {
            throw QueryError.InvalidArgument($"'lastMinutes' must be from 1 to {history} (the history this server keeps); it was {lastMinutes}.");
        }

        return monitor.Ingest(TimeSpan.FromMinutes(lastMinutes));
    }

    [Description("Seconds between two samples: how often the services are checked and the ingest's metrics scraped.")]
    public static double SampleIntervalSeconds([FromServices] IOptions<PipelineOptions> options) => options.Value.SampleInterval.TotalSeconds;
}
