namespace Chat.Query.Reads;

/// <summary>One message by its id (the primary key).</summary>
public sealed class MessageReader(ReadDatabase database)
{
    internal const string Sql = $"SELECT {MessageRows.Columns} FROM messages WHERE message_id = $1";

    public Task<ChatMessage?> ReadAsync(string messageId, CancellationToken cancellationToken) =>
        database.SingleOrDefaultAsync<ChatMessage?>(Sql, MessageRows.Map, cancellationToken, ReadDatabase.Parameter(messageId));
}
