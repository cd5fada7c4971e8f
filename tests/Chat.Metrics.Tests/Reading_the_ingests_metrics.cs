namespace Chat.Metrics.Tests;

public sealed class Reading_the_ingests_metrics
{
    private const string Scrape = """
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

    [Fact]
    public void The_ingests_metrics_are_read_from_the_prometheus_text_format()
    {
        var metrics = IngestMetrics.From(PrometheusText.Parse(Scrape));

        Assert.Equal(1500, metrics.Stored);
        Assert.Equal(12, metrics.Duplicates);
        Assert.Equal(7, metrics.Rejected);
        Assert.Equal(1, metrics.ConsumerState);
        Assert.Equal(2, metrics.BatchWriteSeconds.Count);
        Assert.Equal(0.064, metrics.BatchWriteSeconds.Quantile(1.0), 9);
        Assert.Equal(1512, metrics.EndToEndLagSeconds.Count);
        Assert.True(double.IsNaN(PrometheusText.Parse(Scrape).Sum("chat_ingest_unknown_total")));
    }

    [Fact]
    public void One_sample_is_found_by_its_exact_label_set()
    {
        var metrics = PrometheusText.Parse(Scrape);

        Assert.Equal(4, metrics.Value("chat_ingest_messages_rejected_total", ("reason", "message_too_long")));
        Assert.Equal(1500, metrics.Value("chat_ingest_messages_stored_total"));
        Assert.Equal(1512, metrics.Value("chat_ingest_end_to_end_lag_seconds_bucket", ("note", "a \"quoted\", value"), ("le", "+Inf")));
        Assert.Null(metrics.Value("chat_ingest_messages_rejected_total"));
        Assert.Null(metrics.Value("chat_ingest_messages_rejected_total", ("reason", "not_a_reason")));
        Assert.Null(metrics.Value("chat_ingest_end_to_end_lag_seconds_bucket", ("le", "+Inf")));
    }

    [Fact]
    public void A_counter_the_ingest_does_not_export_yet_has_counted_nothing_and_an_absent_state_is_unknown()
    {
        // A labelled counter (rejections by reason) appears with its first label only.
        var metrics = IngestMetrics.From(PrometheusText.Parse("chat_ingest_messages_stored_total 10\nchat_ingest_batches_total 1"));

        Assert.Equal(0, metrics.Rejected);
        Assert.Equal(0, metrics.Duplicates);
        Assert.True(double.IsNaN(metrics.ConsumerState));
        Assert.True(PrometheusText.Parse("chat_ingest_batches_total 1").Has(IngestMetricNames.Batches));
        Assert.False(PrometheusText.Parse("# HELP chat_ingest_batches_total Batches committed.").Has(IngestMetricNames.Batches));
    }

    [Fact]
    public void An_ingest_restart_counts_from_zero_instead_of_going_negative()
    {
        var before = IngestMetrics.From(PrometheusText.Parse("chat_ingest_messages_stored_total 5000\nchat_ingest_batches_total 5"));
        var after = IngestMetrics.From(PrometheusText.Parse("chat_ingest_messages_stored_total 300\nchat_ingest_batches_total 1"));

        Assert.Equal(300, after.Since(before).Stored);
    }

    [Fact]
    public void Two_instances_add_up_to_one_ingest()
    {
        var first = IngestMetrics.From(PrometheusText.Parse(Scrape));
        var second = IngestMetrics.From(PrometheusText.Parse("""
            chat_ingest_messages_stored_total 500
            chat_ingest_batches_total 1
            chat_ingest_consumer_state 0
            chat_ingest_end_to_end_lag_seconds_bucket{le="0.5"} 0
            chat_ingest_end_to_end_lag_seconds_bucket{le="+Inf"} 500
            """));

        var both = first.Plus(second);

        Assert.Equal(2000, both.Stored);
        Assert.Equal(3, both.Batches);
        Assert.Equal(1, both.ConsumerState);
        Assert.Equal(2012, both.EndToEndLagSeconds.Count);
        Assert.Equal(1500, both.EndToEndLagSeconds.Buckets[0].CumulativeCount);
        Assert.Equal(2, both.BatchWriteSeconds.Count);
    }

    [Fact]
    public void An_instance_whose_consumer_state_is_unknown_adds_nothing_to_the_consuming_count()
    {
        var consuming = IngestMetrics.From(PrometheusText.Parse("chat_ingest_consumer_state 1"));

        Assert.Equal(1, consuming.Plus(IngestMetrics.Zero).ConsumerState);
        Assert.Equal(1, IngestMetrics.Zero.Plus(consuming).ConsumerState);
        Assert.True(double.IsNaN(IngestMetrics.Zero.Plus(IngestMetrics.Zero).ConsumerState));
    }
}
