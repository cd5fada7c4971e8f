namespace Chat.LoadTest.Sampling;

/// <summary>Scrapes Chat.Ingest's /metrics; null when it does not answer (stopped, restarting).</summary>
public sealed class IngestMetricsReader(HttpClient http, Uri metricsUri)
{
    public Uri MetricsUri => metricsUri;

    public async Task<IngestMetrics?> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            var text = await http.GetStringAsync(metricsUri, cancellationToken);
            return IngestMetrics.From(PrometheusText.Parse(text));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }
}
