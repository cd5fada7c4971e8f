using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Chat.Query.Reads;

/// <summary>
/// A keyset position in a newest-first list of messages: the page continues with the messages
/// that sort strictly after (older than, or same time with a smaller id than) this one.
/// </summary>
/// <remarks>
/// Encoded as base64url of "v1:{microseconds since the epoch}:{message id}". PostgreSQL keeps
/// microseconds, so the position is exact; the version prefix lets the format change later
/// without misreading old cursors.
/// </remarks>
public readonly record struct MessageCursor(DateTime Timestamp, string MessageId)
{
    private const string Version = "v1";

    public static MessageCursor Of(ChatMessage message) => new(message.Timestamp.UtcDateTime, message.Id);

    public string Encode()
    {
        var micros = (Timestamp.ToUniversalTime() - DateTime.UnixEpoch).Ticks / TimeSpan.TicksPerMicrosecond;
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{Version}:{micros}:{MessageId}"));
    }

    public static bool TryDecode(string text, out MessageCursor cursor)
    {
        cursor = default;
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(text);
        }
        catch (FormatException)
        {
            return false;
        }

        var parts = Encoding.UTF8.GetString(bytes).Split(':', 3);
        if (parts is not [Version, var microsText, { Length: > 0 } id]
            || !long.TryParse(microsText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var micros)
            || micros < -62_135_596_800_000_000 || micros > 253_402_300_799_999_999)
        {
            return false;
        }

        cursor = new MessageCursor(DateTime.UnixEpoch.AddTicks(micros * TimeSpan.TicksPerMicrosecond), id);
        return true;
    }
}
