using System.Text;
using Chat.LoadTest.Publishing;
using Npgsql;

namespace Chat.Dashboard.Tests;

/// <summary>
/// The small known data set the dashboard is shown with: a history of the last 20 hours, stored as
/// the ingest would have stored it, and live traffic published in both producers' formats through
/// RabbitMQ to the real Chat.Ingest (with some duplicates and some invalid messages), so that the
/// pipeline panel has real throughput and lag.
/// </summary>
public static class KnownTraffic
{
    public const int Rooms = 6;
    public const int Users = 40;
    public const int HistoryMessages = 1_800;
    public const int LiveMessages = 3_000;
    public const int Duplicates = 100;
    public const int Invalid = 10;

    /// <summary>The k-th message's room: rooms weighted 6:5:4:3:2:1, so room 1 is the busiest and the ranking is known.</summary>
    public static int RoomOf(int k) => (k % 21) switch
    {
        < 6 => 1,
        < 11 => 2,
        < 15 => 3,
        < 18 => 4,
        < 20 => 5,
        _ => 6,
    };

    /// <summary>Rooms busiest first, as the top-rooms chart must show them.</summary>
    public static IEnumerable<int> RoomsByMessages => Enumerable.Range(1, Rooms);

    /// <summary>The k-th message's user: a few users post much more than the rest, as in a real chat.</summary>
    private static int UserOf(int k)
    {
        var spread = k * 7919L % 1000 / 1000.0;
        return 1 + (int)(Users * spread * spread);
    }

    /// <summary>The history, spread evenly over the 20 hours before <paramref name="now"/> minus ten minutes.</summary>
    public static async Task LoadHistoryAsync(PostgresDatabase database, DateTimeOffset now)
    {
        var start = now.AddHours(-20);
        var step = (now.AddMinutes(-10) - start) / HistoryMessages;
        var k = Enumerable.Range(0, HistoryMessages).ToArray();
        await using var dataSource = database.CreateDataSource(DatabaseRole.Ingest);
        await using var command = dataSource.CreateCommand("""
            INSERT INTO messages (message_id, room_id, user_id, username, content, message_type, "timestamp")
            SELECT * FROM unnest($1::varchar[], $2::int[], $3::varchar[], $4::varchar[], $5::text[], $6::varchar[], $7::timestamptz[])
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = k.Select(i => $"hist-{i:00000}").ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = k.Select(RoomOf).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = k.Select(i => UserOf(i).ToString("D", null)).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = k.Select(i => $"user{UserOf(i)}").ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = k.Select(i => $"history message {i}").ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = k.Select(_ => "TEXT").ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = k.Select(i => (start + step * i).UtcDateTime).ToArray() });
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// The k-th live message as a producer sends it, stamped <paramref name="sentAt"/>: the chat
    /// server's shape (text/plain, numeric ids, epoch seconds) for even k, the old load
    /// generator's (application/json, "user_n", ISO time) for odd k.
    /// </summary>
    public static PublishedMessage Live(int k, DateTimeOffset sentAt)
    {
        var (room, user) = (RoomOf(k), UserOf(k));
        var id = $"live-{k:00000}";
        return k % 2 == 0
            ? new PublishedMessage(room, ChatServerMessage.ContentType, new ChatServerMessage(
                id, room, user, $"user{user}", $"live message {k}", sentAt, k % 50 == 0 ? "JOIN" : "TEXT", "chat-host-1", null).ToUtf8Json())
            : new PublishedMessage(room, LoadGeneratorMessage.ContentType, new LoadGeneratorMessage(
                id, room, $"user_{user}", $"TestUser{user}", $"live message {k}", sentAt).ToUtf8Json());
    }

    /// <summary>A delivery the ingest must reject (no content, no user): recorded in rejected_messages.</summary>
    public static PublishedMessage InvalidMessage(int n) =>
        new(1, "application/json", Encoding.UTF8.GetBytes($$"""{"messageId":"bad-{{n}}","roomId":"1"}"""));
}

/// <summary>One delivery as a producer publishes it to chat.exchange with key room.{n}.</summary>
public sealed record PublishedMessage(int RoomId, string ContentType, byte[] Body)
{
    public string RoutingKey => $"room.{RoomId}";
}
