using Chat.Metrics;
using Prometheus;

namespace Chat.Ingest.Metrics;

/// <summary>The ingest's Prometheus metrics (their names, in Chat.Metrics, are read back by the load tool and the dashboard).</summary>
public static class IngestMetrics
{
    public static readonly Counter MessagesStored = Prometheus.Metrics.CreateCounter(
        IngestMetricNames.MessagesStored, "Messages appended to the messages log.");

    public static readonly Counter MessagesDuplicate = Prometheus.Metrics.CreateCounter(
        IngestMetricNames.MessagesDuplicate, "Valid messages whose message_id was already stored (counted again if a committed batch is redelivered).");

    public static readonly Counter MessagesRejected = Prometheus.Metrics.CreateCounter(
        IngestMetricNames.MessagesRejected, "Deliveries recorded in rejected_messages, by reason.", "reason");

    public static readonly Counter Batches = Prometheus.Metrics.CreateCounter(
        IngestMetricNames.Batches, "Batches committed.");

    public static readonly Histogram BatchSize = Prometheus.Metrics.CreateHistogram(
        IngestMetricNames.BatchSize, "Deliveries per committed batch.",
        new HistogramConfiguration { Buckets = [1, 10, 50, 100, 250, 500, 750, 1000, 2000, 5000, 10000] });

    public static readonly Histogram BatchWriteSeconds = Prometheus.Metrics.CreateHistogram(
        IngestMetricNames.BatchWriteSeconds, "Time to write and commit one batch (one attempt that succeeded).",
        new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.001, 2, 15) });

    public static readonly Histogram EndToEndLagSeconds = Prometheus.Metrics.CreateHistogram(
        IngestMetricNames.EndToEndLagSeconds, "Commit time minus the message's own timestamp, per stored or duplicate message.",
        new HistogramConfiguration { Buckets = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600] });

    public static readonly Gauge ConsumerState = Prometheus.Metrics.CreateGauge(
        IngestMetricNames.ConsumerState, "1 while consuming; 0 while paused (database unavailable or a receive endpoint stopped by the kill switch).");

    public static readonly Counter MessagesConflict = Prometheus.Metrics.CreateCounter(
        IngestMetricNames.MessagesConflict, "Valid messages whose message_id was already stored with different content (recorded as message_id_conflict, also counted in rejected).");

    public static readonly Counter DeliveriesParked = Prometheus.Metrics.CreateCounter(
        IngestMetricNames.DeliveriesParked, "Deliveries that could be neither stored nor recorded, published to the parking queue with their reason.", "reason");

    public static readonly Counter DeliveriesIsolated = Prometheus.Metrics.CreateCounter(
        IngestMetricNames.DeliveriesIsolated, "Batches the database refused because of a delivery in them, written again in halves until that delivery was alone.");

    public static readonly Counter DatabaseRetries = Prometheus.Metrics.CreateCounter(
        IngestMetricNames.DatabaseRetries, "Batch writes that failed for a database reason and were retried after a back-off.");
}
