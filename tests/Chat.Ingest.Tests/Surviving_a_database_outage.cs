namespace Chat.Ingest.Tests;

public sealed class Surviving_a_database_outage(PrivatePostgresCluster cluster, RabbitMqVirtualHost virtualHost)
    : IClassFixture<PrivatePostgresCluster>, IClassFixture<RabbitMqVirtualHost>
{
    [Fact]
    public async Task PostgreSQL_stopped_and_restarted_mid_stream_stores_every_message_exactly_once()
    {
        await using var ingest = await IngestProcess.StartAsync(cluster.ConnectionString(DatabaseRole.Ingest), virtualHost);
        await using var producer = await Producer.ConnectAsync(virtualHost);
        var stream = new PublishedRun("outage", 50_000);

        stream.StartPublishing(producer);
        await Poll.UntilAsync(async () => await cluster.ScalarAsync<long>(stream.CountSql) >= 5_000, TimeSpan.FromMinutes(2),
            async () => $"{await cluster.ScalarAsync<long>(stream.CountSql)} stored before the outage.\n{ingest.Output()}");

        await cluster.StopAsync();
        await Poll.UntilAsync(async () => await ingest.MetricAsync("chat_ingest_consumer_state") == 0, TimeSpan.FromSeconds(30),
            () => Task.FromResult($"The ingest did not pause while the database was down.\n{ingest.Output()}"));
        await Task.Delay(TimeSpan.FromSeconds(3));
        await cluster.StartAsync();

        await stream.AssertStoredExactlyOnceAsync(cluster.ScalarAsync<long>, virtualHost, ingest.Output);
        Assert.True(await ingest.MetricAsync("chat_ingest_database_retries_total") > 0);
        await Poll.UntilAsync(async () => await ingest.MetricAsync("chat_ingest_consumer_state") == 1, TimeSpan.FromSeconds(30),
            () => Task.FromResult($"The ingest did not resume.\n{ingest.Output()}"));
        Assert.False(ingest.HasExited);
    }
}
