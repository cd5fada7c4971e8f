using Chat.LoadTest.Sampling;

namespace Chat.LoadTest.Tests;

public sealed class Estimating_percentiles
{
    // Cumulative counts as Prometheus exposes them: 10 observations <= 0.1, 30 more <= 0.2, 50 more <= 0.5, 10 more <= 1.
    private static readonly HistogramSnapshot Latency = new(
        [new(0.1, 10), new(0.2, 40), new(0.5, 90), new(1.0, 100), new(double.PositiveInfinity, 100)], 30, 100);

    [Theory]
    [InlineData(0.05, 0.05)]  // rank 5 of 10 in [0, 0.1]
    [InlineData(0.25, 0.15)]  // rank 25: 15 of 30 into (0.1, 0.2]
    [InlineData(0.50, 0.26)]  // rank 50: 10 of 50 into (0.2, 0.5]
    [InlineData(0.95, 0.75)]  // rank 95: 5 of 10 into (0.5, 1]
    [InlineData(1.00, 1.00)]
    public void A_histogram_quantile_interpolates_inside_the_bucket_holding_its_rank(double q, double expected)
    {
        Assert.Equal(expected, Latency.Quantile(q), 9);
    }

    [Fact]
    public void A_quantile_beyond_the_last_finite_bound_is_that_bound()
    {
        var slow = new HistogramSnapshot([new(1.0, 50), new(double.PositiveInfinity, 100)], 500, 100);

        Assert.Equal(1.0, slow.Quantile(0.99));
    }

    [Fact]
    public void The_difference_of_two_scrapes_holds_only_what_was_observed_in_between()
    {
        var earlier = new HistogramSnapshot([new(0.1, 5), new(0.2, 5), new(0.5, 5), new(1.0, 5), new(double.PositiveInfinity, 5)], 0.3, 5);

        var between = Latency.Minus(earlier);

        Assert.Equal(95, between.Count);
        Assert.Equal(5, between.Buckets[0].CumulativeCount);
        Assert.Equal(0.2 + (0.5 - 0.2) * (47.5 - 35) / 50, between.Quantile(0.5), 9);
    }

    [Fact]
    public void No_observations_have_no_quantile()
    {
        Assert.True(double.IsNaN(HistogramSnapshot.Empty.Quantile(0.5)));
        Assert.True(double.IsNaN(Latency.Minus(Latency).Quantile(0.99)));
    }

    [Fact]
    public void Exact_percentiles_interpolate_between_the_nearest_ranks_like_percentile_cont()
    {
        double[] values = [4, 1, 3, 2];

        var q = ExactPercentiles.Of(values, 0.5, 0.95, 0.0, 1.0);

        Assert.Equal([2.5, 3.85, 1, 4], q, (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public void Exact_percentiles_of_one_value_are_that_value_and_of_none_are_unknown()
    {
        Assert.Equal(7, ExactPercentiles.Of([7.0], 0.99));
        Assert.True(double.IsNaN(ExactPercentiles.Of(Span<double>.Empty, 0.5)));
    }

    [Fact]
    public void The_ingests_metrics_are_read_from_the_prometheus_text_format()
    {
        const string scrape = """
            # HELP chat_ingest_messages_stored_total Messages appended to the messages log.
            # TYPE chat_ingest_messages_stored_total counter
            chat_ingest_messages_stored_total 1500
            chat_ingest_messages_duplicate_total 12
            chat_ingest_messages_rejected_total{reason="invalid_json"} 3
            chat_ingest_messages_rejected_total{reason="message_too_long"} 4
            chat_ingest_batches_total 2
            chat_ingest_consumer_state 1
            chat_ingest_batch_write_seconds_sum 0.09
            chat_ingest_batch_write_seconds_count 2
            chat_ingest_batch_write_seconds_bucket{le="0.032"} 1
            chat_ingest_batch_write_seconds_bucket{le="0.064"} 2
            chat_ingest_batch_write_seconds_bucket{le="+Inf"} 2
            chat_ingest_end_to_end_lag_seconds_bucket{le="0.5",note="a \"quoted\", value"} 1500
            chat_ingest_end_to_end_lag_seconds_bucket{le="+Inf",note="a \"quoted\", value"} 1512
            """;

        var metrics = IngestMetrics.From(PrometheusText.Parse(scrape));

        Assert.Equal(1500, metrics.Stored);
        Assert.Equal(12, metrics.Duplicates);
        Assert.Equal(7, metrics.Rejected);
        Assert.Equal(1, metrics.ConsumerState);
        Assert.Equal(2, metrics.BatchWriteSeconds.Count);
        Assert.Equal(0.064, metrics.BatchWriteSeconds.Quantile(1.0), 9);
        Assert.Equal(1512, metrics.EndToEndLagSeconds.Count);
        Assert.True(double.IsNaN(PrometheusText.Parse(scrape).Sum("chat_ingest_unknown_total")));
    }

    [Fact]
    public void An_ingest_restart_counts_from_zero_instead_of_going_negative()
    {
        var before = IngestMetrics.From(PrometheusText.Parse("chat_ingest_messages_stored_total 5000\nchat_ingest_batches_total 5"));
        var after = IngestMetrics.From(PrometheusText.Parse("chat_ingest_messages_stored_total 300\nchat_ingest_batches_total 1"));

        Assert.Equal(300, after.Since(before).Stored);
    }
}
