namespace Chat.Metrics.Tests;

public sealed class Histogram_quantiles
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
    public void Two_instances_histograms_merge_into_the_histogram_of_all_their_observations()
    {
        // The second instance saw 100 observations, all in (0.5, 1].
        var other = new HistogramSnapshot([new(0.1, 0), new(0.2, 0), new(0.5, 0), new(1.0, 100), new(double.PositiveInfinity, 100)], 80, 100);

        var both = Latency.Plus(other);

        Assert.Equal(200, both.Count);
        Assert.Equal(110, both.Sum);
        Assert.Equal([10, 40, 90, 200, 200], both.Buckets.Select(b => b.CumulativeCount));
        Assert.Equal(0.5 + 0.5 * (100 - 90) / 110.0, both.Quantile(0.5), 9);
        Assert.Same(Latency, Latency.Plus(HistogramSnapshot.Empty));
        Assert.Same(Latency, HistogramSnapshot.Empty.Plus(Latency));
    }

    [Fact]
    public void Merging_histograms_with_different_bounds_never_counts_an_observation_below_a_bound_it_was_not_seen_under()
    {
        var coarse = new HistogramSnapshot([new(1.0, 4), new(double.PositiveInfinity, 6)], 9, 6);
        var fine = new HistogramSnapshot([new(0.5, 1), new(1.0, 2), new(double.PositiveInfinity, 2)], 1, 2);

        var both = coarse.Plus(fine);

        Assert.Equal([0.5, 1.0, double.PositiveInfinity], both.Buckets.Select(b => b.UpperBound));
        // At 0.5 only the fine histogram knows anything: the coarse one's 4 are somewhere in [0, 1].
        Assert.Equal([1, 6, 8], both.Buckets.Select(b => b.CumulativeCount));
    }

    [Fact]
    public void The_resolution_of_a_quantile_is_the_histograms_finite_bounds()
    {
        Assert.Equal([0.1, 0.2, 0.5, 1.0], Latency.FiniteBounds);
    }
}
