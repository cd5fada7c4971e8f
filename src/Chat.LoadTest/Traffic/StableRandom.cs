namespace Chat.LoadTest.Traffic;

/// <summary>
/// Random numbers that depend only on (seed, index), in every process: SplitMix64. Unlike
/// HashCode.Combine, which is seeded per process, a message can be rebuilt later (for a
/// duplicate, or to compute what the database should hold) from its index alone.
/// </summary>
public static class StableRandom
{
    public static ulong Hash(int seed, long index, ulong stream = 0)
    {
        var x = unchecked(((ulong)(uint)seed << 32) ^ (ulong)index ^ (stream * 0xD1B54A32D192ED03UL));
        x = unchecked(x + 0x9E3779B97F4A7C15UL);
        x = unchecked((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL);
        x = unchecked((x ^ (x >> 27)) * 0x94D049BB133111EBUL);
        return x ^ (x >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public static double Unit(int seed, long index, ulong stream = 0) => (Hash(seed, index, stream) >> 11) * (1.0 / (1UL << 53));

    /// <summary>A System.Random seeded from (seed, index), for drawing several values for one message.</summary>
    public static Random For(int seed, long index, ulong stream = 0) => new(unchecked((int)Hash(seed, index, stream)));
}
