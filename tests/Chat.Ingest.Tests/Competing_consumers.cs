namespace Chat.Ingest.Tests;

public sealed class Competing_consumers(PostgresDatabase database, RabbitMqVirtualHost virtualHost)
    : IClassFixture<PostgresDatabase>, IClassFixture<RabbitMqVirtualHost>
{
    [Fact]
    public async Task Two_ingest_instances_on_the_same_queues_store_every_message_exactly_once()
    {
        await using var first = await IngestProcess.StartAsync(database.ConnectionString(DatabaseRole.Ingest), virtualHost);
        await using var second = await IngestProcess.StartAsync(database.ConnectionString(DatabaseRole.Ingest), virtualHost);
        await using var producer = await Producer.ConnectAsync(virtualHost);
        var stream = new PublishedRun("compete", 30_000);

        stream.StartPublishing(producer);

        await stream.AssertStoredExactlyOnceAsync(sql => database.ScalarAsync<long>(sql), virtualHost,
            () => $"first:\n{first.Output()}\nsecond:\n{second.Output()}");
        var storedByFirst = await first.MetricAsync("chat_ingest_messages_stored_total");
        var storedBySecond = await second.MetricAsync("chat_ingest_messages_stored_total");
        Assert.True(storedByFirst > 0 && storedBySecond > 0, $"Only one instance consumed: {storedByFirst} and {storedBySecond}.");
        Assert.Equal(stream.Count, storedByFirst + storedBySecond);
    }
}
