using Chat.Metrics;
using Chat.Query.Pipeline;

namespace Chat.Query.Tests.Pipeline;

public sealed class Ingest_traffic_history
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 12, 0, 0, TimeSpan.Zero);

    private static IngestMetrics Scrape(double stored, double lagUnder100Ms = 0, double lagUnder1S = 0, double consuming = 1) => new(
        stored, 0, 0, stored / 100, consuming,
        HistogramSnapshot.Empty, HistogramSnapshot.Empty,
        new HistogramSnapshot([new(0.1, lagUnder100Ms), new(1, lagUnder100Ms + lagUnder1S), new(double.PositiveInfinity, lagUnder100Ms + lagUnder1S)],
            0, lagUnder100Ms + lagUnder1S));

    private static (string, IngestMetrics?)[] One(IngestMetrics? scrape) => [("ingest-a", scrape)];

    [Fact]
    public void The_first_round_is_only_a_baseline_for_the_next()
    {
        var history = new IngestTrafficHistory(10);

        history.Record(T0, One(Scrape(5000)));

        Assert.Empty(history.Since(DateTimeOffset.MinValue));
    }

    [Fact]
    public void Each_round_after_it_is_the_traffic_since_the_one_before_per_second()
    {
        var history = new IngestTrafficHistory(10);
        history.Record(T0, One(Scrape(5000)));

        history.Record(T0.AddSeconds(2), One(Scrape(5400, lagUnder100Ms: 300, lagUnder1S: 100)));

        var sample = Assert.Single(history.Since(DateTimeOffset.MinValue));
        Assert.Equal(T0.AddSeconds(2), sample.At);
        Assert.Equal(200, sample.StoredPerSecond);
        Assert.Equal(2, sample.BatchesPerSecond);
        Assert.Equal(0.1 * 200 / 300, sample.LagP50Seconds!.Value, 9);
        Assert.Equal(0.1 + 0.9 * (396 - 300) / 100, sample.LagP99Seconds!.Value, 9);
        Assert.Equal((1, 1), (sample.InstancesAnswering, sample.InstancesConsuming));
    }

    [Fact]
    public void A_round_without_stored_messages_has_no_lag_rather_than_zero()
    {
        var history = new IngestTrafficHistory(10);
        history.Record(T0, One(Scrape(100, lagUnder100Ms: 100)));

        history.Record(T0.AddSeconds(2), One(Scrape(100, lagUnder100Ms: 100)));

        var sample = Assert.Single(history.Since(DateTimeOffset.MinValue));
        Assert.Equal(0, sample.StoredPerSecond);
        Assert.Null(sample.LagP50Seconds);
    }

    [Fact]
    public void An_instance_that_restarted_counts_from_zero()
    {
        var history = new IngestTrafficHistory(10);
        history.Record(T0, One(Scrape(5000)));

        history.Record(T0.AddSeconds(1), One(Scrape(30)));

        Assert.Equal(30, Assert.Single(history.Since(DateTimeOffset.MinValue)).StoredPerSecond);
    }

    [Fact]
    public void Several_instances_add_up_and_one_that_does_not_answer_adds_nothing()
    {
        var history = new IngestTrafficHistory(10);
        history.Record(T0, [("a", Scrape(1000)), ("b", Scrape(50, consuming: 0))]);

        history.Record(T0.AddSeconds(1), [("a", Scrape(1100, lagUnder1S: 100)), ("b", Scrape(80, lagUnder100Ms: 30, consuming: 0))]);
        history.Record(T0.AddSeconds(2), [("a", Scrape(1200)), ("b", null)]);

        var samples = history.Since(DateTimeOffset.MinValue);
        Assert.Equal([130.0, 100.0], samples.Select(s => s.StoredPerSecond));
        Assert.Equal(130, samples[0].Traffic.EndToEndLagSeconds.Count);
        Assert.Equal((2, 1), (samples[0].InstancesAnswering, samples[0].InstancesConsuming));
        Assert.Equal((1, 1), (samples[1].InstancesAnswering, samples[1].InstancesConsuming));
    }

    [Fact]
    public void The_history_keeps_its_capacity_dropping_the_oldest_samples()
    {
        var history = new IngestTrafficHistory(3);
        for (var s = 0; s <= 5; s++)
        {
            history.Record(T0.AddSeconds(s), One(Scrape(s * 10)));
        }

        Assert.Equal([T0.AddSeconds(3), T0.AddSeconds(4), T0.AddSeconds(5)], history.Since(DateTimeOffset.MinValue).Select(s => s.At));
        Assert.Equal([T0.AddSeconds(5)], history.Since(T0.AddSeconds(4)).Select(s => s.At));
    }

    [Fact]
    public void A_window_sums_its_samples_and_merges_their_lag_histograms()
    {
        var history = new IngestTrafficHistory(10);
        history.Record(T0, One(Scrape(0)));
        history.Record(T0.AddSeconds(2), One(Scrape(100, lagUnder100Ms: 100)));
        history.Record(T0.AddSeconds(4), One(Scrape(300, lagUnder100Ms: 100, lagUnder1S: 200)));

        var traffic = new IngestTraffic(TimeSpan.FromMinutes(1), 1, history.Since(DateTimeOffset.MinValue));

        Assert.Equal(300, traffic.Total.Stored);
        Assert.Equal(75, traffic.StoredPerSecond);
        Assert.Equal(TimeSpan.FromSeconds(4), traffic.Covered);
        Assert.Equal(0.1 + 0.9 * (150 - 100) / 200, traffic.LagQuantileSeconds(0.5)!.Value, 9);
        Assert.Equal([0.1, 1.0], traffic.LagBucketBoundsSeconds);
    }

    [Fact]
    public void An_empty_window_has_no_rate_and_no_lag()
    {
        var traffic = new IngestTraffic(TimeSpan.FromMinutes(5), 1, []);

        Assert.Null(traffic.StoredPerSecond);
        Assert.Null(traffic.LagQuantileSeconds(0.95));
        Assert.Empty(traffic.LagBucketBoundsSeconds);
    }
}
