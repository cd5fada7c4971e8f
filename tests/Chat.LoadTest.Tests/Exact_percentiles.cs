using Chat.LoadTest.Sampling;

namespace Chat.LoadTest.Tests;

/// <remarks>Histogram quantiles and the parsing of /metrics are tested with them, in Chat.Metrics.Tests.</remarks>
public sealed class Exact_percentiles
{
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
}
