using Chat.Query.Reads;
using Npgsql;

namespace Chat.Query.Tests.Fixtures;

/// <summary>
/// The small data set every query is checked against. Tests compute what they expect from this
/// list with LINQ, independently of the service's SQL.
/// </summary>
/// <remarks>
/// Room 1 has 25 messages in groups of three that share one timestamp, so that pages cut
/// through ties; room 2 has 10 messages of bob and carol; room 3 has 5 of alice's, the last one
/// stored by the old system (no username, no type). 10:00 to 14:00 UTC on 20 November 2025.
/// </remarks>
public static class KnownChatHistory
{
    public static readonly DateTimeOffset Start = new(2025, 11, 20, 10, 0, 0, TimeSpan.Zero);

    public static readonly string[] Users = ["alice", "bob", "carol", "dave"];

    public static IReadOnlyList<ChatMessage> Messages { get; } = Build();

    /// <summary>Newest first, ties by id descending: the order of every message list of the API.</summary>
    public static IEnumerable<ChatMessage> NewestFirst(this IEnumerable<ChatMessage> messages) =>
        messages.OrderByDescending(m => m.Timestamp).ThenByDescending(m => m.Id, StringComparer.Ordinal);

    private static List<ChatMessage> Build()
    {
        var messages = new List<ChatMessage>();
        for (var k = 0; k < 25; k++)
        {
            var user = Users[k % 4];
            messages.Add(new ChatMessage($"r1-{k:00}", 1, user, user, $"room one, message {k}", "TEXT", Start.AddMinutes(k / 3)));
        }

        for (var k = 0; k < 10; k++)
        {
            var user = k % 2 == 0 ? "bob" : "carol";
            messages.Add(new ChatMessage($"r2-{k:00}", 2, user, user, $"room two, message {k}", k == 0 ? "JOIN" : "TEXT",
                Start.AddHours(1).AddMinutes(k * 10)));
        }

        for (var k = 0; k < 5; k++)
        {
            var oldSystem = k == 4;
            messages.Add(new ChatMessage($"r3-{k}", 3, "alice", oldSystem ? null : "alice", $"room three, message {k}",
                oldSystem ? null : "TEXT", Start.AddHours(2).AddMinutes(k * 30)));
        }

        return messages;
    }

    /// <summary>Stores the messages as the ingest would, then refreshes the views as the projections would.</summary>
    public static async Task LoadAsync(PostgresDatabase database)
    {
        await using (var dataSource = database.CreateDataSource(DatabaseRole.Ingest))
        await using (var command = dataSource.CreateCommand("""
            INSERT INTO messages (message_id, room_id, user_id, username, content, message_type, "timestamp")
            SELECT * FROM unnest($1::varchar[], $2::int[], $3::varchar[], $4::varchar[], $5::text[], $6::varchar[], $7::timestamptz[])
            """))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = Messages.Select(m => m.Id).ToArray() });
            command.Parameters.Add(new NpgsqlParameter { Value = Messages.Select(m => m.RoomId).ToArray() });
            command.Parameters.Add(new NpgsqlParameter { Value = Messages.Select(m => m.UserId).ToArray() });
            command.Parameters.Add(new NpgsqlParameter { Value = Messages.Select(m => m.Username).ToArray() });
            command.Parameters.Add(new NpgsqlParameter { Value = Messages.Select(m => m.Content).ToArray() });
            command.Parameters.Add(new NpgsqlParameter { Value = Messages.Select(m => m.Type).ToArray() });
            command.Parameters.Add(new NpgsqlParameter { Value = Messages.Select(m => m.Timestamp.UtcDateTime).ToArray() });
            await command.ExecuteNonQueryAsync();
        }

        await database.ExecuteAsync("""
            REFRESH MATERIALIZED VIEW user_stats;
            REFRESH MATERIALIZED VIEW room_stats;
            REFRESH MATERIALIZED VIEW hourly_stats;
            """, DatabaseRole.Projections);
    }
}
