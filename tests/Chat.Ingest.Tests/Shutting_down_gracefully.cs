namespace Chat.Ingest.Tests;

public sealed class Shutting_down_gracefully(PostgresDatabase database, RabbitMqVirtualHost virtualHost)
    : IClassFixture<PostgresDatabase>, IClassFixture<RabbitMqVirtualHost>
{
    [Fact]
    public async Task SIGTERM_commits_the_batch_in_hand_before_the_process_exits()
    {
        // A batch that would wait 8 s to fill: the shutdown comes while it is being collected.
        await using var ingest = await IngestProcess.StartAsync(database.ConnectionString(DatabaseRole.Ingest), virtualHost,
            new Dictionary<string, string> { ["Ingest__TimeLimit"] = "00:00:08" });
        await using var producer = await Producer.ConnectAsync(virtualHost);
        await producer.PublishAllAsync(Enumerable.Range(0, 100).Select(i => ProducerMessage.ChatServer($"graceful-{i}", roomId: 4)));
        await Poll.UntilAsync(async () => (await virtualHost.QueuesAsync()).Sum(q => q.Messages) == 100, TimeSpan.FromSeconds(30),
            async () => $"Not all delivered: {string.Join(", ", await virtualHost.QueuesAsync())}");
        await Task.Delay(TimeSpan.FromSeconds(1));

        await ingest.StopAsync();

        Assert.Equal(0, ingest.ExitCode);
        Assert.Equal(100L, await database.ScalarAsync<long>("SELECT count(*) FROM messages WHERE message_id LIKE 'graceful-%'"));

        // Acknowledgements race the channel's close inside MassTransit when the machine is busy;
        // whatever was not acknowledged is redelivered after a restart and stored once.
        await ingest.RestartAsync();
        await Poll.UntilAsync(async () => (await virtualHost.QueuesAsync()).All(q => q.Messages == 0), TimeSpan.FromSeconds(30),
            async () => $"Left in the queues: {string.Join(", ", await virtualHost.QueuesAsync())}\n{ingest.Output()}");
        Assert.Equal(100L, await database.ScalarAsync<long>("SELECT count(*) FROM messages WHERE message_id LIKE 'graceful-%'"));
    }
}
