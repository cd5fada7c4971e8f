using System.Globalization;

namespace Chat.Ingest.Tests;

/// <summary>A message as one of the producers of ../shared/seed/wire-formats.md publishes it.</summary>
public sealed record ProducerMessage(string RoutingKey, string? ContentType, string Body)
{
    /// <summary>The chat server's shape: text/plain, ids as strings, timestamp in epoch seconds with nanosecond digits.</summary>
    public static ProducerMessage ChatServer(
        string messageId, int roomId = 7, string userId = "12345", string message = "hello there",
        string timestamp = "1732137055.093000000", string messageType = "TEXT") =>
        new($"room.{roomId}", "text/plain",
            $$"""{"messageId":"{{messageId}}","roomId":"{{roomId}}","userId":"{{userId}}","username":"user{{userId}}","message":"{{message}}","timestamp":{{timestamp}},"messageType":"{{messageType}}","serverId":"chat-host-1a2b3c4d","clientIp":"/127.0.0.1:51234"}""");

    /// <summary>The load generator's shape: application/json, ISO timestamp, messageType chat.</summary>
    public static ProducerMessage LoadGenerator(string messageId, int roomId = 7, int user = 234, DateTimeOffset? timestamp = null) =>
        new($"room.{roomId}", "application/json",
            $$"""{"messageId":"{{messageId}}","roomId":"{{roomId}}","userId":"user_{{user}}","username":"TestUser{{user}}","message":"Load test message {{messageId}}","timestamp":"{{(timestamp ?? DateTimeOffset.UtcNow).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture)}}","messageType":"chat"}""");

    /// <summary>A stream of <paramref name="count"/> distinct messages over 20 rooms, both shapes alternating.</summary>
    public static IEnumerable<ProducerMessage> Stream(string prefix, int count) =>
        Enumerable.Range(0, count).Select(i => i % 2 == 0
            ? LoadGenerator($"{prefix}-{i}", roomId: 1 + i % 20, user: i % 1000)
            : ChatServer($"{prefix}-{i}", roomId: 1 + i % 20, userId: (1 + i % 1000).ToString(CultureInfo.InvariantCulture),
                timestamp: EpochSeconds(DateTimeOffset.UtcNow)));

    /// <summary>Epoch seconds as the chat server writes them: nine fraction digits.</summary>
    public static string EpochSeconds(DateTimeOffset time)
    {
        var ticks = time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return string.Create(CultureInfo.InvariantCulture, $"{ticks / TimeSpan.TicksPerSecond}.{ticks % TimeSpan.TicksPerSecond:D7}00");
    }
}
