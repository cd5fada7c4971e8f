namespace Chat.Projections.Tests;

/// <summary>Chat messages written as the ingest writes them (role chat_ingest).</summary>
public static class TestMessages
{
    /// <summary>Appends one message per (room, user, timestamp); ids are unique per call.</summary>
    public static Task AppendAsync(PostgresDatabase database, params (int Room, string User, string Timestamp)[] messages)
    {
        var rows = messages.Select(m =>
            $"('{Guid.NewGuid()}', {m.Room}, '{m.User}', 'hello', 'TEXT', timestamptz '{m.Timestamp}')");
        return database.ExecuteAsync(
            $"INSERT INTO messages (message_id, room_id, user_id, content, message_type, \"timestamp\") VALUES {string.Join(", ", rows)}",
            DatabaseRole.Ingest);
    }
}
