using System.Globalization;
using System.Text;
using Chat.LoadTest.Publishing;

namespace Chat.LoadTest.Traffic;

/// <summary>
/// Payloads the ingest must reject (issue 3's list), one kind after another. Each carries the
/// send's own id, so no two are byte-identical: rejected_messages keeps one row per distinct
/// payload (sha256), and the expected rejected count is then exactly the number sent.
/// </summary>
public static class InvalidPayloads
{
    public static readonly IReadOnlyList<string> Kinds =
    [
        "invalid_json", "missing_message", "room_not_positive", "room_not_integer", "empty_message",
        "message_too_long", "nul_in_message", "timestamp_not_a_time", "message_id_too_long",
    ];

    public static string KindOf(long sequence) => Kinds[(int)(sequence % Kinds.Count)];

    public static OutgoingMessage Create(LoadTraffic traffic, long sequence, Random random, DateTimeOffset now)
    {
        var settings = traffic.Settings;
        var id = string.Create(CultureInfo.InvariantCulture, $"{settings.RunId}:invalid:{sequence:D9}");
        var room = 1 + random.Next(settings.Rooms);
        var user = 1 + random.Next(settings.Users);
        var text = ChatText.Sentence(random, 40);
        ChatServerMessage Server(string messageId = "", string? message = null) =>
            new(messageId.Length > 0 ? messageId : id, room, user, $"user{user}", message ?? text, now, "TEXT", "chat-host-load", null);

        var (contentType, body) = KindOf(sequence) switch
        {
            "invalid_json" => (LoadGeneratorMessage.ContentType,
                Encoding.UTF8.GetBytes($$"""{"messageId":"{{id}}","roomId":"{{room}}","message":"{{text}}""")),
            "missing_message" => (LoadGeneratorMessage.ContentType, Encoding.UTF8.GetBytes(
                $$"""{"messageId":"{{id}}","roomId":"{{room}}","userId":"user_{{user}}","username":"TestUser{{user}}","timestamp":"{{LoadGeneratorMessage.IsoTimestamp(now)}}","messageType":"chat"}""")),
            "room_not_positive" => (ChatServerMessage.ContentType, (Server() with { RoomId = 0 }).ToUtf8Json()),
            "room_not_integer" => (LoadGeneratorMessage.ContentType, Replace(
                new LoadGeneratorMessage(id, room, $"user_{user}", $"TestUser{user}", text, now).ToUtf8Json(),
                $"\"roomId\":\"{room}\"", $"\"roomId\":\"room{room}\"")),
            "empty_message" => (ChatServerMessage.ContentType, Server(message: "").ToUtf8Json()),
            "message_too_long" => (ChatServerMessage.ContentType, Server(message: new string('x', 2_001)).ToUtf8Json()),
            "nul_in_message" => (ChatServerMessage.ContentType, Server(message: text[..20] + '\0' + text[20..]).ToUtf8Json()),
            "timestamp_not_a_time" => (LoadGeneratorMessage.ContentType, Replace(
                new LoadGeneratorMessage(id, room, $"user_{user}", $"TestUser{user}", text, now).ToUtf8Json(),
                $"\"timestamp\":\"{LoadGeneratorMessage.IsoTimestamp(now)}\"", "\"timestamp\":\"yesterday at noon\"")),
            _ => (ChatServerMessage.ContentType, Server(messageId: id.PadRight(65, 'x')).ToUtf8Json()),
        };
        return new OutgoingMessage(sequence, MessageKind.Invalid, -1, LoadTraffic.RoutingKey(room), contentType, body);
    }

    private static byte[] Replace(byte[] json, string from, string to)
    {
        var text = Encoding.UTF8.GetString(json);
        if (!text.Contains(from, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"'{from}' is not in {text}");
        }

        return Encoding.UTF8.GetBytes(text.Replace(from, to, StringComparison.Ordinal));
    }
}
