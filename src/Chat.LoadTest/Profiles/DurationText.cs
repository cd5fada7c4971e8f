using System.Globalization;

namespace Chat.LoadTest.Profiles;

/// <summary>Durations as an operator types them: "90", "90s", "15m", "1.5h", or "00:15:00".</summary>
public static class DurationText
{
    public static TimeSpan Parse(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Contains(':', StringComparison.Ordinal) && TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out var span))
        {
            return Positive(span, text);
        }

        var (number, unit) = trimmed.Length > 0 && char.IsAsciiLetter(trimmed[^1]) ? (trimmed[..^1], trimmed[^1]) : (trimmed, 's');
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw new FormatException($"'{text}' is not a duration (e.g. 90s, 15m, 1h, 00:15:00).");
        }

        return Positive(unit switch
        {
            's' => TimeSpan.FromSeconds(value),
            'm' => TimeSpan.FromMinutes(value),
            'h' => TimeSpan.FromHours(value),
            _ => throw new FormatException($"'{text}': the unit must be s, m or h."),
        }, text);
    }

    private static TimeSpan Positive(TimeSpan value, string text) =>
        value > TimeSpan.Zero ? value : throw new FormatException($"'{text}' is not a positive duration.");
}
