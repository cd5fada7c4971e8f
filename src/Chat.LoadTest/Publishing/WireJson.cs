using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Chat.LoadTest.Publishing;

/// <summary>
/// Compact JSON as the producers write it: no whitespace, '/' and non-ASCII left as they are
/// (Jackson and Python's json escape only quotes, backslashes and control characters).
/// </summary>
internal static class WireJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = false,
    };

    public static byte[] Write(Action<Utf8JsonWriter> writeProperties)
    {
        var buffer = new ArrayBufferWriter<byte>(320);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            writeProperties(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
