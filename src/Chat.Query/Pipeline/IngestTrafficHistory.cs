using Chat.Metrics;

namespace Chat.Query.Pipeline;

/// <summary>
/// The ingest's recent traffic: each sampling round's scrapes of every instance become one
/// <see cref="IngestSample"/> (the difference to each instance's previous scrape, summed over the
/// instances), kept in a ring buffer of <paramref name="capacity"/> samples.
/// </summary>
/// <remarks>
/// An instance's first scrape is only a baseline: what it counted before Chat.Query first saw it
/// is not traffic of any interval. A restarted instance (counters lower than before) counts from
/// zero. An instance that did not answer for some rounds without restarting has what it did
/// meanwhile counted in the round it answers again.
/// </remarks>
public sealed class IngestTrafficHistory(int capacity)
{
    private readonly Lock _lock = new();
    private readonly Queue<IngestSample> _samples = new(capacity);
    private readonly Dictionary<string, IngestMetrics> _previousScrapes = new(StringComparer.Ordinal);
    private DateTimeOffset? _previousRound;

    /// <summary>Records one round: each instance's scrape, or null for an instance that did not answer.</summary>
    public void Record(DateTimeOffset at, IReadOnlyList<(string Instance, IngestMetrics? Scrape)> scrapes)
    {
        var traffic = IngestMetrics.Zero;
        var (answering, consuming) = (0, 0);
        lock (_lock)
        {
            foreach (var (instance, scrape) in scrapes)
            {
                if (scrape is null)
                {
                    continue;
                }

                answering++;
                consuming += scrape.ConsumerState >= 1 ? 1 : 0;
                if (_previousScrapes.TryGetValue(instance, out var previous))
                {
                    traffic = traffic.Plus(scrape.Since(previous));
                }

                _previousScrapes[instance] = scrape;
            }

            var previousRound = _previousRound;
            _previousRound = at;
            if (previousRound is null || at <= previousRound)
            {
                return;
            }

            if (_samples.Count == capacity)
            {
                _samples.Dequeue();
            }

            _samples.Enqueue(new IngestSample(at, at - previousRound.Value, traffic, answering, consuming));
        }
    }

    /// <summary>The samples of intervals that ended after <paramref name="since"/>, oldest first.</summary>
    public IReadOnlyList<IngestSample> Since(DateTimeOffset since)
    {
        lock (_lock)
        {
            return [.. _samples.Where(s => s.At > since)];
        }
    }
}
