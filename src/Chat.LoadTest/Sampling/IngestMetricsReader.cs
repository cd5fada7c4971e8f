using Chat.Metrics;

namespace Chat.LoadTest.Sampling;

/// <summary>Scrapes Chat.Ingest's /metrics; null when it does not answer (stopped, restarting).</summary>
public sealed class IngestMetricsReader(Func<CancellationToken, Task<string>> scrape)
{
    /// <summary>GET <paramref name="metricsUri"/>, giving up after <paramref name="http"/>'s timeout.</summary>
    public static IngestMetricsReader OverHttp(HttpClient http, Uri metricsUri) => new(token => http.GetStringAsync(metricsUri, token));

    public async Task<IngestMetrics?> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            return IngestMetrics.From(PrometheusText.Parse(await scrape(cancellationToken)));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }
}
