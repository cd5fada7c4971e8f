using Chat.LoadTest.Traffic;

namespace Chat.LoadTest.Seeding;

/// <summary>
/// Deterministic synthetic chat traffic: message i of N is the same for the same settings.
/// Timestamps rise evenly over the period (as a live system appends them); users and rooms
/// are skewed the way chat is (a few busy users and rooms, a long tail); types are mostly
/// TEXT with some JOIN and LEAVE; content is 20–200 characters of words.
/// </summary>
public sealed class SyntheticTraffic(SeedSettings settings)
{
    private readonly DateTimeOffset _start = settings.End - TimeSpan.FromDays(settings.Days);
    private readonly double _ticksPerMessage = TimeSpan.FromDays(settings.Days).Ticks / (double)settings.Messages;

    public SyntheticMessage Create(long index)
    {
        // A generator per message keeps every message independent of which writer makes it.
        var random = new Random(HashCode.Combine(settings.Seed, index));
        var user = ChatText.Skewed(random, settings.Users, 1.6) + 1;
        var room = ChatText.Skewed(random, settings.Rooms, 1.3) + 1;
        var timestamp = _start.AddTicks((long)(index * _ticksPerMessage) + random.Next(0, 1000) * TimeSpan.TicksPerMicrosecond);
        var roll = random.Next(100);
        var type = roll < 2 ? "JOIN" : roll < 4 ? "LEAVE" : "TEXT";
        return new SyntheticMessage(
            MessageId: $"{settings.RunId}-{index:D10}",
            RoomId: room,
            UserId: user.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Username: $"user{user}",
            Content: ChatText.Sentence(random, random.Next(settings.MinContentLength, settings.MaxContentLength + 1)),
            MessageType: type,
            Timestamp: timestamp,
            ServerId: $"chat-host-{1 + random.Next(4)}",
            ClientIp: $"/127.0.0.1:{random.Next(30000, 61000)}",
            CreatedAt: timestamp.AddMilliseconds(random.Next(20, 700)));
    }
}
