using System.Globalization;
using ScottPlot;

namespace Chat.LoadTest.Reporting;

/// <summary>The batch sweep's trade-off: end-to-end throughput per ingest batch size (bars) against p95 latencies (lines, right axis).</summary>
public static class BatchSweepChart
{
    public const string FileName = "batch-sweep.png";

    public static string Write(string folder, IReadOnlyList<RunSummary> steps)
    {
        var plot = new Plot();
        var sized = steps.Where(s => s.Settings.IngestBatchSize is not null).ToList();
        var positions = sized.Select((_, i) => (double)i).ToArray();
        var bars = plot.Add.Bars(sized.Select((s, i) => new Bar
        {
            Position = i,
            Value = s.Throughput.EndToEndRate,
            FillColor = Colors.SteelBlue.WithAlpha(0.8),
            Label = s.Throughput.EndToEndRate.ToString("N0", CultureInfo.InvariantCulture),
        }).ToList());
        bars.LegendText = "end-to-end throughput (msg/s, left axis)";
        bars.ValueLabelStyle.FontSize = 12;

        var batchWrite = plot.Add.Scatter(positions, [.. sized.Select(s => s.BatchWriteSeconds.P95 * 1000)]);
        batchWrite.LegendText = "batch write p95 (ms, right axis)";
        batchWrite.Axes.YAxis = plot.Axes.Right;
        batchWrite.LineWidth = 2;
        batchWrite.MarkerSize = 8;

        var lag = plot.Add.Scatter(positions, [.. sized.Select(s => s.EndToEndLagSeconds.P95 * 1000)]);
        lag.LegendText = "end-to-end lag p95 (ms, right axis)";
        lag.Axes.YAxis = plot.Axes.Right;
        lag.LineWidth = 2;
        lag.MarkerSize = 8;

        plot.Axes.Bottom.SetTicks(positions, [.. sized.Select(s => s.Settings.IngestBatchSize!.Value.ToString("N0", CultureInfo.InvariantCulture))]);
        plot.Title("Ingest batch size: throughput against latency", 14);
        plot.XLabel("ingest batch size (messages)");
        plot.YLabel("messages per second");
        plot.Axes.Right.Label.Text = "milliseconds";
        // Both axes from zero, with headroom above so the legend covers neither bars nor points.
        var milliseconds = sized.SelectMany(s => new[] { s.BatchWriteSeconds.P95, s.EndToEndLagSeconds.P95 }).Where(v => !double.IsNaN(v)).DefaultIfEmpty(0).Max() * 1000;
        var rates = sized.Select(s => s.Throughput.EndToEndRate).Where(v => !double.IsNaN(v)).DefaultIfEmpty(0).Max();
        plot.Axes.SetLimitsY(0, Math.Max(1, rates) * 1.4, plot.Axes.Left);
        plot.Axes.SetLimitsY(0, Math.Max(1, milliseconds) * 1.4, plot.Axes.Right);
        plot.ShowLegend(Alignment.UpperLeft);
        return RunCharts.Save(folder, FileName, plot);
    }
}
