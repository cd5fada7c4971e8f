using System.Text;

namespace Chat.LoadTest.Traffic;

/// <summary>Chat-like text and popularity skew, shared by the data generator and the load publisher.</summary>
public static class ChatText
{
    private static readonly string[] Words =
    [
        "hello", "there", "how", "are", "you", "today", "the", "build", "is", "green", "again", "deploy",
        "looks", "good", "to", "me", "lunch", "anyone", "meeting", "in", "five", "minutes", "thanks",
        "great", "idea", "what", "about", "tomorrow", "sure", "ok", "let's", "ship", "it", "coffee",
        "room", "chat", "message", "queue", "database", "index", "fast", "slow", "night", "weekend",
        "see", "you", "later", "cheers", "yes", "no", "maybe", "works", "for", "please", "review",
    ];

    /// <summary>Words separated by spaces, exactly <paramref name="length"/> ASCII characters, never ending on a space.</summary>
    public static string Sentence(Random random, int length)
    {
        var text = new StringBuilder(length + 16);
        while (text.Length < length)
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(Words[random.Next(Words.Length)]);
        }

        // Never end on a space: the length stays exact and the content round-trips unchanged.
        text.Length = length;
        if (text[^1] == ' ')
        {
            text[^1] = '.';
        }

        return text.ToString();
    }

    /// <summary>0..count-1, low values most likely (index = floor(count * u^skew)): a few busy users and rooms, a long tail.</summary>
    public static int Skewed(Random random, int count, double skew) =>
        Math.Min(count - 1, (int)(count * Math.Pow(random.NextDouble(), skew)));
}
