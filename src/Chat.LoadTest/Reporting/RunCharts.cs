using System.Globalization;
using Chat.LoadTest.Sampling;
using Chat.Metrics;
using ScottPlot;

namespace Chat.LoadTest.Reporting;

/// <summary>
/// The PNG charts of one run, drawn only from what was sampled: throughput (published vs
/// stored), queue depth, end-to-end lag percentiles, the batch write latency distribution,
/// and CPU and memory of the ingest, PostgreSQL, RabbitMQ and the load tool.
/// </summary>
public static class RunCharts
{
    public const int Width = 1000;
    public const int Height = 450;

    public static IReadOnlyList<string> Write(string folder, string title, IReadOnlyList<LoadSample> samples, HistogramSnapshot batchWrites)
    {
        var written = new List<string>
        {
            Save(folder, "throughput.png", Throughput(title, samples)),
            Save(folder, "queue-depth.png", QueueDepth(title, samples)),
            Save(folder, "lag.png", Lag(title, samples)),
            Save(folder, "resources-cpu.png", Cpu(title, samples)),
            Save(folder, "resources-memory.png", Memory(title, samples)),
        };
        if (batchWrites.Count > 0)
        {
            written.Add(Save(folder, "batch-write-latency.png", BatchWriteDistribution(title, batchWrites)));
        }

        return written;
    }

    private static Plot Throughput(string title, IReadOnlyList<LoadSample> samples)
    {
        var plot = TimePlot($"{title}: throughput", "messages per second");
        Line(plot, samples, s => s.PublishRate, "published (broker confirms)");
        var fromDb = samples.Any(s => !double.IsNaN(s.DbStoredRate));
        Line(plot, samples, s => fromDb ? s.DbStoredRate : s.StoredRate, fromDb ? "stored (rows of this run by created_at)" : "stored (ingest metrics)");
        return StartAtZero(plot);
    }

    private static Plot QueueDepth(string title, IReadOnlyList<LoadSample> samples)
    {
        var plot = TimePlot($"{title}: queue depth", "messages in the queues behind chat.exchange");
        Line(plot, samples, s => s.QueueReady, "ready (waiting; exact, AMQP passive declare)");
        Line(plot, samples, s => s.QueueUnacknowledged, "unacknowledged (at the ingest; management API, may lag)");
        return StartAtZero(plot);
    }

    private static Plot Lag(string title, IReadOnlyList<LoadSample> samples)
    {
        var fromDb = samples.Any(s => !double.IsNaN(s.DbLagP50));
        var source = fromDb ? "exact, created_at - timestamp of the rows committed that second" : "ingest lag histogram, interpolated";
        var plot = TimePlot($"{title}: end-to-end lag ({source})", "seconds");
        Line(plot, samples, s => fromDb ? s.DbLagP50 : s.LagP50, "p50");
        Line(plot, samples, s => fromDb ? s.DbLagP95 : s.LagP95, "p95");
        Line(plot, samples, s => fromDb ? s.DbLagP99 : s.LagP99, "p99");
        return StartAtZero(plot);
    }

    private static Plot Cpu(string title, IReadOnlyList<LoadSample> samples)
    {
        var plot = TimePlot($"{title}: CPU (100% = one core; this machine has {Environment.ProcessorCount})", "% of one core");
        Line(plot, samples, s => s.IngestCpu, "Chat.Ingest");
        Line(plot, samples, s => s.PostgresCpu, "PostgreSQL (all processes)");
        Line(plot, samples, s => s.RabbitMqCpu, "RabbitMQ (beam)");
        Line(plot, samples, s => s.LoadToolCpu, "load tool");
        Line(plot, samples, s => s.MachineCpu * Environment.ProcessorCount, "whole machine (every process)");
        return StartAtZero(plot);
    }

    private static Plot Memory(string title, IReadOnlyList<LoadSample> samples)
    {
        var plot = TimePlot($"{title}: memory", "MB");
        Line(plot, samples, s => s.IngestMemoryMb, "Chat.Ingest (RSS)");
        Line(plot, samples, s => s.PostgresMemoryMb, "PostgreSQL (PSS, all processes)");
        Line(plot, samples, s => s.RabbitMqMemoryMb, "RabbitMQ (RSS)");
        return StartAtZero(plot);
    }

    private static Plot BatchWriteDistribution(string title, HistogramSnapshot batchWrites)
    {
        var plot = new Plot();
        // From the first bucket with batches to the last: the empty tails only squeeze the bars.
        var all = batchWrites.Distribution();
        var first = all.ToList().FindIndex(b => b.Count > 0);
        var last = all.ToList().FindLastIndex(b => b.Count > 0);
        var buckets = all.Skip(first).Take(last - first + 1).ToList();
        var bars = buckets.Select((b, i) => new Bar { Position = i, Value = b.Count, FillColor = Colors.SteelBlue }).ToList();
        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks(
            [.. buckets.Select((_, i) => (double)i)],
            [.. buckets.Select(b => double.IsPositiveInfinity(b.UpperBound) ? $"> {Ms(b.LowerBound)}" : $"≤ {Ms(b.UpperBound)}")]);
        plot.Title($"{title}: batch write latency (p50 {Ms(batchWrites.Quantile(0.5))}, p95 {Ms(batchWrites.Quantile(0.95))}, p99 {Ms(batchWrites.Quantile(0.99))} ms)");
        plot.XLabel("batch write time (ms, histogram bucket upper bound)");
        plot.YLabel("batches");
        return StartAtZero(plot);
    }

    /// <summary>Rates, depths and latencies are never negative: the y axis starts at zero so lines are read against it.</summary>
    internal static Plot StartAtZero(Plot plot)
    {
        plot.Axes.AutoScale();
        var top = plot.Axes.GetLimits().Top;
        plot.Axes.SetLimitsY(0, top > 0 ? top * 1.05 : 1);
        return plot;
    }

    internal static Plot TimePlot(string title, string yLabel)
    {
        var plot = new Plot();
        plot.Title(title, 14);
        plot.XLabel("seconds since the first publish");
        plot.YLabel(yLabel);
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    /// <summary>A series without its unknown points (NaN), so a gap in sampling does not draw a false line to zero.</summary>
    internal static void Line(Plot plot, IReadOnlyList<LoadSample> samples, Func<LoadSample, double> value, string label)
    {
        var points = samples.Select(s => (X: s.Seconds, Y: value(s))).Where(p => !double.IsNaN(p.Y) && !double.IsInfinity(p.Y)).ToArray();
        if (points.Length == 0)
        {
            return;
        }

        var line = plot.Add.ScatterLine(points.Select(p => p.X).ToArray(), points.Select(p => p.Y).ToArray());
        line.LegendText = label;
        line.LineWidth = 2;
    }

    internal static string Save(string folder, string fileName, Plot plot)
    {
        plot.SavePng(Path.Combine(folder, fileName), Width, Height);
        return fileName;
    }

    internal static string Ms(double seconds) =>
        double.IsNaN(seconds) ? "n/a" : (seconds * 1000).ToString(seconds < 0.01 ? "0.##" : "0", CultureInfo.InvariantCulture);
}
