using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Chat.Ingest.Consumers;

/// <summary>
/// Ready only while every receive endpoint consumes: one that is stopped (by the kill switch),
/// faulted or reconnecting leaves its queue without a consumer, so the ingest is not ready,
/// whatever the bus as a whole reports.
/// </summary>
public sealed class ConsumingHealthCheck(ConsumptionState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var (ready, expected) = (state.ReadyEndpoints, state.ExpectedEndpoints);
        return Task.FromResult(ready.Count >= expected
            ? HealthCheckResult.Healthy($"{ready.Count} of {expected} receive endpoints consuming")
            : HealthCheckResult.Unhealthy($"{ready.Count} of {expected} receive endpoints consuming"
                + (ready.Count > 0 ? $" ({string.Join(", ", ready.Select(e => e.AbsolutePath.TrimStart('/')))})" : "")));
    }
}
