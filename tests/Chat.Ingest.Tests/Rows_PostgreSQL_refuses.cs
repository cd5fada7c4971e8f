using Chat.Contracts;

namespace Chat.Ingest.Tests;

public sealed class Rows_PostgreSQL_refuses(IngestEnvironment environment) : IClassFixture<IngestEnvironment>
{
    [Fact]
    public async Task A_row_refused_by_the_database_is_rejected_alone_and_the_rest_of_its_batch_is_stored()
    {
        // A rule the ingest does not know of: the row passes validation and PostgreSQL refuses it.
        await environment.Database.ExecuteAsync(
            "ALTER TABLE messages ADD CONSTRAINT test_refuses_forbidden CHECK (content <> 'forbidden')");

        await environment.Producer.PublishAllAsync([
            ProducerMessage.ChatServer("refused-before", roomId: 8),
            ProducerMessage.ChatServer("refused-1", roomId: 8, message: "forbidden"),
            ProducerMessage.ChatServer("refused-after", roomId: 8),
        ]);

        await environment.CountReachesAsync("SELECT count(*) FROM messages WHERE message_id IN ('refused-before', 'refused-after')", 2);
        await environment.CountReachesAsync("SELECT count(*) FROM rejected_messages WHERE message_id = 'refused-1'", 1);
        var rejected = await environment.Database.ColumnAsync<string>(
            "SELECT reason || '|' || detail FROM rejected_messages WHERE message_id = 'refused-1'");
        Assert.StartsWith($"{RejectionReason.StorageRefused}|PostgreSQL refused the row (23514: ", Assert.Single(rejected), StringComparison.Ordinal);
        Assert.Equal(0L, await environment.Database.ScalarAsync<long>("SELECT count(*) FROM messages WHERE message_id = 'refused-1'"));
    }
}
