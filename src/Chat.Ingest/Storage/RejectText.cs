using System.Globalization;
using System.Text;

namespace Chat.Ingest.Storage;

/// <summary>
/// Makes any string storable in a PostgreSQL text column: a NUL (which text cannot hold) and
/// half a surrogate pair (which no encoder takes) are written as their \uXXXX escapes. Every text
/// of a rejected_messages row goes through it, since whatever made a delivery invalid may also
/// sit in the fields kept to explain it.
/// </summary>
public static class RejectText
{
    public static string? Escape(string? text)
    {
        if (text is null || !NeedsEscaping(text))
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                escaped.Append(c).Append(text[++i]);
            }
            else if (c == '\0' || char.IsSurrogate(c))
            {
                escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }

    private static bool NeedsEscaping(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (c == '\0' || char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }
}
