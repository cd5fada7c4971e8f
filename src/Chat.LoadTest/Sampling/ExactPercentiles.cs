namespace Chat.LoadTest.Sampling;

/// <summary>
/// Percentiles of a set of values known one by one, interpolated between the two nearest
/// ranks (PostgreSQL's percentile_cont, numpy's default): p50 of 1, 2, 3, 4 is 2.5.
/// </summary>
public static class ExactPercentiles
{
    /// <summary>The q-quantile (0..1) of <paramref name="values"/>, which are sorted in place; NaN when empty.</summary>
    public static double Of(Span<double> values, double q) => OfSorted(Sort(values), q);

    /// <summary>Several quantiles of the same values at the cost of one sort.</summary>
    public static double[] Of(Span<double> values, params ReadOnlySpan<double> quantiles)
    {
        var sorted = Sort(values);
        var result = new double[quantiles.Length];
        for (var i = 0; i < quantiles.Length; i++)
        {
            result[i] = OfSorted(sorted, quantiles[i]);
        }

        return result;
    }

    private static ReadOnlySpan<double> Sort(Span<double> values)
    {
        values.Sort();
        return values;
    }

    private static double OfSorted(ReadOnlySpan<double> sorted, double q)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(q, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(q, 1);
        if (sorted.IsEmpty)
        {
            return double.NaN;
        }

        var position = q * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
    }
}
