namespace Chat.LoadTest.Seeding;

/// <summary>
/// Deterministic synthetic chat traffic: message i of N is the same for the same settings.
/// Timestamps rise evenly over the period (as a live system appends them); users and rooms
/// are skewed the way chat is (a few busy users and rooms, a long tail); types are mostly
/// TEXT with some JOIN and LEAVE; content is 20–200 characters of words.
/// </summary>
public sealed class SyntheticTraffic(SeedSettings settings)
{
    private static readonly string[] Words =
    [
        "hello", "there", "how", "are", "you", "today", "the", "build", "is", "green", "again", "deploy",
        "looks", "good", "to", "me", "lunch", "anyone", "meeting", "in", "five", "minutes", "thanks",
        "great", "idea", "what", "about", "tomorrow", "sure", "ok", "let's", "ship", "it", "coffee",
        "room", "chat", "message", "queue", "database", "index", "fast", "slow", "night", "weekend",
        "see", "you", "later", "cheers", "yes", "no", "maybe", "works", "for", "please", "review",
    ];

    private readonly DateTimeOffset _start = settings.End - TimeSpan.FromDays(settings.Days);
    private readonly double _ticksPerMessage = TimeSpan.FromDays(settings.Days).Ticks / (double)settings.Messages;

    public SyntheticMessage Create(long index)
    {
        // A generator per message keeps every message independent of which writer makes it.
        var random = new Random(HashCode.Combine(settings.Seed, index));
        var user = Skewed(random, settings.Users, 1.6) + 1;
        var room = Skewed(random, settings.Rooms, 1.3) + 1;
        var timestamp = _start.AddTicks((long)(index * _ticksPerMessage) + random.Next(0, 1000) * TimeSpan.TicksPerMicrosecond);
        var roll = random.Next(100);
        var type = roll < 2 ? "JOIN" : roll < 4 ? "LEAVE" : "TEXT";
        return new SyntheticMessage(
            MessageId: $"{settings.RunId}-{index:D10}",
            RoomId: room,
            UserId: user.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Username: $"user{user}",
            Content: Content(random),
            MessageType: type,
            Timestamp: timestamp,
            ServerId: $"chat-host-{1 + random.Next(4)}",
            ClientIp: $"/127.0.0.1:{random.Next(30000, 61000)}",
            CreatedAt: timestamp.AddMilliseconds(random.Next(20, 700)));
    }

    // 0..count-1, low values most likely: index = floor(count * u^skew).
    private static int Skewed(Random random, int count, double skew) =>
        Math.Min(count - 1, (int)(count * Math.Pow(random.NextDouble(), skew)));

    private string Content(Random random)
    {
        var length = random.Next(settings.MinContentLength, settings.MaxContentLength + 1);
        var text = new System.Text.StringBuilder(length + 16);
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
}
