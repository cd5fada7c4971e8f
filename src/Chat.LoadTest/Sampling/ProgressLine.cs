using System.Globalization;

namespace Chat.LoadTest.Sampling;

/// <summary>The live display: one line of the main figures per sample.</summary>
public static class ProgressLine
{
    public static string Format(LoadSample s, long? target) => string.Create(CultureInfo.InvariantCulture,
        $"{s.Seconds,6:0}s  published {s.Published,11:N0}{(target is { } t ? $"/{t:N0}" : "")} {s.PublishRate,8:N0}/s" +
        $" | stored {Rate(s.StoredRate)}/s | queue {Count(s.QueueDepth)} ({Count(s.Consumers)} consumers)" +
        $" | lag p95 {Seconds(s.LagP95)} | batch p95 {Millis(s.BatchWriteP95)}" +
        $" | cpu ingest {Percent(s.IngestCpu)} pg {Percent(s.PostgresCpu)} rabbit {Percent(s.RabbitMqCpu)} | ingest {Count(s.IngestMemoryMb)} MB");

    private static string Rate(double v) => double.IsNaN(v) ? "      ?" : v.ToString("N0", CultureInfo.InvariantCulture).PadLeft(7);

    private static string Count(double v) => double.IsNaN(v) ? "?" : v.ToString("N0", CultureInfo.InvariantCulture);

    private static string Percent(double v) => double.IsNaN(v) ? "?" : v.ToString("0", CultureInfo.InvariantCulture) + "%";

    private static string Seconds(double v) => double.IsNaN(v) ? "?" : v.ToString("0.00", CultureInfo.InvariantCulture) + "s";

    private static string Millis(double v) => double.IsNaN(v) ? "?" : (v * 1000).ToString("0", CultureInfo.InvariantCulture) + "ms";
}
