namespace Chat.Ingest.Tests;

public sealed class Surviving_a_crash(PostgresDatabase database, RabbitMqVirtualHost virtualHost)
    : IClassFixture<PostgresDatabase>, IClassFixture<RabbitMqVirtualHost>
{
    [Fact]
    public async Task An_ingest_killed_mid_stream_and_restarted_stores_every_message_exactly_once()
    {
        await using var ingest = await IngestProcess.StartAsync(database.ConnectionString(DatabaseRole.Ingest), virtualHost);
        await using var producer = await Producer.ConnectAsync(virtualHost);
        var stream = new PublishedRun("crash", 30_000);

        stream.StartPublishing(producer);
        await Poll.UntilAsync(async () => await database.ScalarAsync<long>(stream.CountSql) >= 5_000, TimeSpan.FromMinutes(2),
            async () => $"{await database.ScalarAsync<long>(stream.CountSql)} stored before the kill.\n{ingest.Output()}");

        await ingest.KillAsync();
        var storedAtKill = await database.ScalarAsync<long>(stream.CountSql);
        await ingest.RestartAsync();

        await stream.AssertStoredExactlyOnceAsync(sql => database.ScalarAsync<long>(sql), virtualHost, ingest.Output);
        Assert.True(storedAtKill < stream.Count, "The kill came after the whole stream was stored; it proves nothing.");
    }
}
