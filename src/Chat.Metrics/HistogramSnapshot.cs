namespace Chat.Metrics;

/// <summary>
/// A Prometheus histogram at one moment: cumulative counts per upper bound ("le"), the last
/// bound +Inf. Subtracting an earlier snapshot gives the observations in between, and a
/// quantile is estimated the way PromQL's histogram_quantile does it: linear interpolation
/// inside the bucket that holds the rank, so its resolution is the bucket width.
/// </summary>
public sealed record HistogramSnapshot(IReadOnlyList<HistogramBucket> Buckets, double Sum, double Count)
{
    public static readonly HistogramSnapshot Empty = new([], 0, 0);

    /// <summary>The observations made after <paramref name="earlier"/> (bounds are matched by value).</summary>
    public HistogramSnapshot Minus(HistogramSnapshot earlier)
    {
        var before = earlier.Buckets.ToDictionary(b => b.UpperBound, b => b.CumulativeCount);
        return new HistogramSnapshot(
            [.. Buckets.Select(b => b with { CumulativeCount = Math.Max(0, b.CumulativeCount - before.GetValueOrDefault(b.UpperBound)) })],
            Sum - earlier.Sum,
            Math.Max(0, Count - earlier.Count));
    }

    /// <summary>
    /// The observations of both histograms (e.g. two instances of a service). Bounds are matched
    /// by value; where one histogram lacks a bound of the other, its count at its own next lower
    /// bound is taken, so nothing is counted below a bound it was not observed under.
    /// </summary>
    public HistogramSnapshot Plus(HistogramSnapshot other)
    {
        if (other.Buckets.Count == 0)
        {
            return this;
        }

        if (Buckets.Count == 0)
        {
            return other;
        }

        var bounds = Buckets.Select(b => b.UpperBound).Union(other.Buckets.Select(b => b.UpperBound)).Order();
        return new HistogramSnapshot(
            [.. bounds.Select(bound => new HistogramBucket(bound, CumulativeCountAt(bound) + other.CumulativeCountAt(bound)))],
            Sum + other.Sum,
            Count + other.Count);
    }

    /// <summary>The mean observation, NaN when there is none.</summary>
    public double Mean => Count > 0 ? Sum / Count : double.NaN;

    /// <summary>The q-quantile (0..1) by interpolation inside its bucket; NaN when there are no observations.</summary>
    public double Quantile(double q)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(q, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(q, 1);
        var total = Buckets.Count > 0 ? Buckets[^1].CumulativeCount : 0;
        if (total <= 0)
        {
            return double.NaN;
        }

        var rank = q * total;
        var lowerBound = 0.0;
        var countBelow = 0.0;
        for (var i = 0; i < Buckets.Count; i++)
        {
            var bucket = Buckets[i];
            if (bucket.CumulativeCount >= rank && bucket.CumulativeCount > countBelow)
            {
                if (double.IsPositiveInfinity(bucket.UpperBound))
                {
                    // Above the highest finite bound nothing is known but that bound (as PromQL answers).
                    return lowerBound;
                }

                if (i == 0 && bucket.UpperBound <= 0)
                {
                    return bucket.UpperBound;
                }

                return lowerBound + (bucket.UpperBound - lowerBound) * (rank - countBelow) / (bucket.CumulativeCount - countBelow);
            }

            lowerBound = bucket.UpperBound;
            countBelow = bucket.CumulativeCount;
        }

        return lowerBound;
    }

    /// <summary>The upper bounds of the buckets, the last (+Inf) left out: the resolution of <see cref="Quantile"/>.</summary>
    public IReadOnlyList<double> FiniteBounds => [.. Buckets.Select(b => b.UpperBound).Where(double.IsFinite)];

    /// <summary>The observations at or below <paramref name="bound"/> as far as this histogram knows: the count of its highest bound not above it.</summary>
    private double CumulativeCountAt(double bound)
    {
        var count = 0.0;
        foreach (var bucket in Buckets)
        {
            if (bucket.UpperBound > bound)
            {
                break;
            }

            count = bucket.CumulativeCount;
        }

        return count;
    }

    /// <summary>Observations per bucket (not cumulative), for a distribution chart.</summary>
    public IReadOnlyList<(double LowerBound, double UpperBound, double Count)> Distribution()
    {
        var result = new List<(double, double, double)>(Buckets.Count);
        var lower = 0.0;
        var below = 0.0;
        foreach (var bucket in Buckets)
        {
            result.Add((lower, bucket.UpperBound, bucket.CumulativeCount - below));
            lower = bucket.UpperBound;
            below = bucket.CumulativeCount;
        }

        return result;
    }
}

public readonly record struct HistogramBucket(double UpperBound, double CumulativeCount);
