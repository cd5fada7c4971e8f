using System.Globalization;

namespace Chat.LoadTest.Publishing;

/// <summary>
/// Shape 1 of wire-formats.md: what the Java chat server publishes (content type text/plain).
/// roomId and userId are strings holding integers; timestamp is a number of epoch seconds with
/// nine fractional digits; serverId and clientIp may be null and are then written as null.
/// </summary>
public sealed record ChatServerMessage(
    string MessageId,
    int RoomId,
    int UserId,
    string Username,
    string Message,
    DateTimeOffset Timestamp,
    string MessageType,
    string? ServerId,
    string? ClientIp)
{
    public const string ContentType = "text/plain";

    public byte[] ToUtf8Json() => WireJson.Write(json =>
    {
        json.WriteString("messageId", MessageId);
        json.WriteString("roomId", RoomId.ToString(CultureInfo.InvariantCulture));
        json.WriteString("userId", UserId.ToString(CultureInfo.InvariantCulture));
        json.WriteString("username", Username);
        json.WriteString("message", Message);
        json.WritePropertyName("timestamp");
        json.WriteRawValue(EpochSeconds(Timestamp), skipInputValidation: true);
        json.WriteString("messageType", MessageType);
        json.WriteString("serverId", ServerId);
        json.WriteString("clientIp", ClientIp);
    });

    /// <summary>Jackson's rendering of a java.time.Instant: seconds, a point, nine digits of nanoseconds.</summary>
    public static string EpochSeconds(DateTimeOffset timestamp)
    {
        var ticks = timestamp.UtcTicks - DateTime.UnixEpoch.Ticks;
        var seconds = Math.DivRem(ticks, TimeSpan.TicksPerSecond, out var fraction);
        return string.Create(CultureInfo.InvariantCulture, $"{seconds}.{fraction * 100:D9}");
    }
}
