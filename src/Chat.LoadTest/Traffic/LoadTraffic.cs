using System.Collections.Concurrent;
using System.Globalization;
using Chat.LoadTest.Publishing;

namespace Chat.LoadTest.Traffic;

/// <summary>
/// The run's messages, decided by (seed, index) alone so any of them can be rebuilt later:
/// send i is an invalid payload with probability InvalidShare, else a duplicate of an earlier
/// original with probability DuplicateShare, else an original. Originals are in the chat
/// server's shape or the load generator's, rooms and users skewed like real chat.
/// </summary>
public sealed class LoadTraffic
{
    private const ulong KindStream = 1;
    private const ulong FieldStream = 2;
    private const ulong DuplicateStream = 3;
    private const ulong InvalidStream = 4;

    private readonly TrafficSettings _settings;

    // When each original was sent: a duplicate is a redelivery of the same message, so it carries
    // the original's timestamp (another timestamp under the same id is a conflict, not a duplicate).
    private readonly ConcurrentDictionary<long, DateTimeOffset> _originalStamps = new();

    public LoadTraffic(TrafficSettings settings)
    {
        settings.Validate();
        _settings = settings;
    }

    public TrafficSettings Settings => _settings;

    /// <summary>"{RunId}:{index}". ':' never occurs in a run id, so "{RunId}:" is a prefix of this run's ids only.</summary>
    public string MessageId(long originalIndex) => string.Create(CultureInfo.InvariantCulture, $"{_settings.RunId}:{originalIndex:D9}");

    /// <summary>This run's ids are exactly those in [IdRangeStart, IdRangeEnd) in C collation (';' follows ':').</summary>
    public string IdRangeStart => _settings.RunId + ":";

    public string IdRangeEnd => _settings.RunId + ";";

    public MessageKind KindOf(long sequence)
    {
        var roll = StableRandom.Unit(_settings.Seed, sequence, KindStream);
        if (roll < _settings.InvalidShare)
        {
            return MessageKind.Invalid;
        }

        return roll < _settings.InvalidShare + _settings.DuplicateShare && OriginalBefore(sequence) >= 0
            ? MessageKind.Duplicate
            : MessageKind.Original;
    }

    /// <summary>Send <paramref name="sequence"/>, stamped with <paramref name="now"/> as producers stamp theirs.</summary>
    public OutgoingMessage Create(long sequence, DateTimeOffset now) => KindOf(sequence) switch
    {
        MessageKind.Invalid => InvalidPayloads.Create(this, sequence, StableRandom.For(_settings.Seed, sequence, InvalidStream), now),
        MessageKind.Duplicate => Duplicate(sequence, now),
        _ => Send(sequence, MessageKind.Original, sequence, _originalStamps[sequence] = now),
    };

    private OutgoingMessage Duplicate(long sequence, DateTimeOffset now)
    {
        var original = OriginalBefore(sequence);
        return Send(sequence, MessageKind.Duplicate, original, StampOf(original, now));
    }

    // Publishing channels create sends concurrently, so the original may still be in the making
    // on another channel for a moment; it is never more than that, as originals come first.
    private DateTimeOffset StampOf(long original, DateTimeOffset now)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        DateTimeOffset stamp;
        while (!_originalStamps.TryGetValue(original, out stamp) && waited.Elapsed < TimeSpan.FromSeconds(5))
        {
            Thread.Sleep(1);
        }

        return stamp == default ? now : stamp;
    }

    /// <summary>What an original holds, as the database should store it.</summary>
    public OriginalMessage Original(long index)
    {
        var random = StableRandom.For(_settings.Seed, index, FieldStream);
        var room = ChatText.Skewed(random, _settings.Rooms, 1.3) + 1;
        var user = ChatText.Skewed(random, _settings.Users, 1.6) + 1;
        var chatServer = random.NextDouble() < _settings.ChatServerShare;
        var content = ChatText.Sentence(random, random.Next(_settings.MinContentLength, _settings.MaxContentLength + 1));
        var typeRoll = random.Next(100);
        var type = typeRoll < 2 ? "JOIN" : typeRoll < 4 ? "LEAVE" : "TEXT";
        var host = random.Next();
        var port = random.Next(30_000, 61_000);
        var withOrigin = random.Next(10) > 0; // the chat server sends null serverId/clientIp now and then
        return new OriginalMessage(index, room, user, chatServer, content, type,
            withOrigin ? string.Create(CultureInfo.InvariantCulture, $"chat-host-{host:x8}") : null,
            withOrigin ? string.Create(CultureInfo.InvariantCulture, $"/127.0.0.1:{port}") : null);
    }

    /// <summary>A random original before <paramref name="sequence"/> (-1 when there is none).</summary>
    private long OriginalBefore(long sequence)
    {
        if (sequence == 0)
        {
            return -1;
        }

        var candidate = (long)(StableRandom.Unit(_settings.Seed, sequence, DuplicateStream) * sequence);
        // Walk back to an original; the kind roll of earlier sends never depends on later ones.
        for (var i = candidate; i >= 0 && i >= candidate - 10_000; i--)
        {
            if (StableRandom.Unit(_settings.Seed, i, KindStream) >= _settings.InvalidShare + _settings.DuplicateShare)
            {
                return i;
            }
        }

        return -1;
    }

    private OutgoingMessage Send(long sequence, MessageKind kind, long index, DateTimeOffset now)
    {
        var original = Original(index);
        var id = MessageId(index);
        var routingKey = RoutingKey(original.RoomId);
        return original.InChatServerShape
            ? new OutgoingMessage(sequence, kind, index, routingKey, ChatServerMessage.ContentType,
                new ChatServerMessage(id, original.RoomId, original.UserId, $"user{original.UserId}", original.Content, now,
                    original.MessageType, original.ServerId, original.ClientIp).ToUtf8Json())
            : new OutgoingMessage(sequence, kind, index, routingKey, LoadGeneratorMessage.ContentType,
                new LoadGeneratorMessage(id, original.RoomId, $"user_{original.UserId}", $"TestUser{original.UserId}",
                    original.Content, now).ToUtf8Json());
    }

    public static string RoutingKey(int roomId) => string.Create(CultureInfo.InvariantCulture, $"room.{roomId}");
}
