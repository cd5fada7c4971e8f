using System.Net.Sockets;
using System.Text.Json;
using Chat.Metrics;
using Chat.Query.Options;
using Microsoft.Extensions.Options;

namespace Chat.Query.Pipeline;

/// <summary>
/// Asks a service over HTTP how it is: GET /health/ready (200: up; another status: not ready,
/// with the checks that failed; no answer: down) and GET /metrics. Never throws for the
/// service's sake: every failure becomes a state and a sentence.
/// </summary>
public sealed class ServiceProbe(IOptions<PipelineOptions> options) : IDisposable
{
    // One client for the service's lifetime; pooled connections are renewed so DNS changes are seen.
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
    {
        Timeout = options.Value.RequestTimeout,
    };

    public void Dispose() => _http.Dispose();

    public async Task<ServiceCheck> CheckReadinessAsync(Uri baseAddress, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.GetAsync(new Uri(baseAddress, "health/ready"), cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return ServiceCheck.Up;
            }

            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return new ServiceCheck(PipelineServiceState.NotReady,
                $"/health/ready answered {(int)response.StatusCode}: {FailedChecks(body)}");
        }
        catch (Exception e) when (Unreachable(e, cancellationToken))
        {
            return new ServiceCheck(PipelineServiceState.Down, Describe(e));
        }
    }

    /// <summary>The ingest's metrics, or the reason they could not be read.</summary>
    public async Task<(IngestMetrics? Metrics, string? Error)> ScrapeIngestAsync(Uri baseAddress, CancellationToken cancellationToken)
    {
        try
        {
            var text = PrometheusText.Parse(await _http.GetStringAsync(new Uri(baseAddress, "metrics"), cancellationToken));
            return text.Has(IngestMetricNames.Batches)
                ? (IngestMetrics.From(text), null)
                : (null, $"/metrics has no {IngestMetricNames.Batches}: is this Chat.Ingest?");
        }
        catch (Exception e) when (Unreachable(e, cancellationToken))
        {
            return (null, "/metrics: " + Describe(e));
        }
    }

    private static bool Unreachable(Exception e, CancellationToken cancellationToken) =>
        e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested);

    private string Describe(Exception e) => e switch
    {
        TaskCanceledException => $"no answer within {_http.Timeout.TotalSeconds:0.#} s",
        HttpRequestException { InnerException: SocketException socket } => socket.SocketErrorCode switch
        {
            SocketError.ConnectionRefused => "connection refused (nothing listens there)",
            _ => socket.Message,
        },
        HttpRequestException { StatusCode: { } status } => $"answered {(int)status}",
        _ => e.Message,
    };

    /// <summary>"postgres: PostgreSQL does not answer" for each unhealthy check of the service's health report.</summary>
    private static string FailedChecks(string body)
    {
        try
        {
            using var report = JsonDocument.Parse(body);
            if (report.RootElement.TryGetProperty("checks", out var checks) && checks.ValueKind == JsonValueKind.Object)
            {
                var failed = checks.EnumerateObject()
                    .Where(c => c.Value.TryGetProperty("status", out var s) && s.GetString() != "Healthy")
                    .Select(c => c.Value.TryGetProperty("description", out var d) && d.GetString() is { Length: > 0 } text
                        ? $"{c.Name}: {text}"
                        : c.Name)
                    .ToList();
                if (failed.Count > 0)
                {
                    return string.Join("; ", failed);
                }
            }
        }
        catch (JsonException)
        {
            // Not our health report (a proxy's error page, say): show its start.
        }

        return body.Length > 200 ? body[..200] + "…" : body;
    }
}
