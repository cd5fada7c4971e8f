using System.Globalization;

namespace Chat.LoadTest.Publishing;

/// <summary>
/// Shape 2 of wire-formats.md: what the old Python load generator publishes (application/json).
/// userId is not numeric ("user_234"), messageType is always "chat", and timestamp is Python's
/// datetime.isoformat() plus "Z": microseconds, left out entirely when they are zero.
/// </summary>
public sealed record LoadGeneratorMessage(
    string MessageId,
    int RoomId,
    string UserId,
    string Username,
    string Message,
    DateTimeOffset Timestamp)
{
    public const string ContentType = "application/json";

    public const string MessageType = "chat";

    public byte[] ToUtf8Json() => WireJson.Write(json =>
    {
        json.WriteString("messageId", MessageId);
        json.WriteString("roomId", RoomId.ToString(CultureInfo.InvariantCulture));
        json.WriteString("userId", UserId);
        json.WriteString("username", Username);
        json.WriteString("message", Message);
        json.WriteString("timestamp", IsoTimestamp(Timestamp));
        json.WriteString("messageType", MessageType);
    });

    public static string IsoTimestamp(DateTimeOffset timestamp)
    {
        var utc = timestamp.UtcDateTime;
        var microseconds = utc.Ticks % TimeSpan.TicksPerSecond / TimeSpan.TicksPerMicrosecond;
        var seconds = utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        return microseconds == 0 ? $"{seconds}Z" : string.Create(CultureInfo.InvariantCulture, $"{seconds}.{microseconds:D6}Z");
    }
}
