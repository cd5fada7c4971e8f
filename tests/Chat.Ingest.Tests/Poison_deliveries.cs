using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Chat.Contracts;

namespace Chat.Ingest.Tests;

/// <summary>
/// Hostile deliveries, each on a room of its own followed by valid messages on the same room
/// (so on the same queue, in the same or the next batches): none of them may stop the queue.
/// </summary>
public sealed class Poison_deliveries(IngestEnvironment environment) : IClassFixture<IngestEnvironment>
{
    private const int ValidAfterEach = 20;

    private PostgresDatabase Database => environment.Database;

    /// <summary>A poison body and the reason it must be recorded with.</summary>
    public sealed record Poison(string Name, string? ContentType, byte[] Body, string Reason);

    public static IReadOnlyList<Poison> Corpus()
    {
        static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
        static string Body(string messageId = "\"p\"", string roomId = "\"7\"", string userId = "\"u\"", string username = "\"n\"",
            string message = "\"hi\"", string timestamp = "1732137055.5", string messageType = "\"TEXT\"") =>
            $$"""{"messageId":{{messageId}},"roomId":{{roomId}},"userId":{{userId}},"username":{{username}},"message":{{message}},"timestamp":{{timestamp}},"messageType":{{messageType}}}""";
        static string Emoji(int count) => string.Concat(Enumerable.Repeat("😀", count));

        var tenMebibytes = new byte[10 * 1024 * 1024];
        Utf8("{\"messageId\":\"huge\",\"message\":\"").CopyTo(tenMebibytes, 0);
        Array.Fill(tenMebibytes, (byte)'x', 32, tenMebibytes.Length - 34);
        Utf8("\"}").CopyTo(tenMebibytes, tenMebibytes.Length - 2);

        return
        [
            new("nul in messageId", "text/plain", Utf8(Body(messageId: "\"nul\\u0000id\"")), RejectionReason.ContainsNul),
            new("255 characters and an emoji as messageId", "text/plain", Utf8(Body(messageId: $"\"{new string('m', 255)}😀\"")), RejectionReason.InvalidMessageId),
            new("index entry above the B-tree limit", "application/json",
                Utf8(Body(messageId: $"\"{Emoji(64)}\"", userId: $"\"{Emoji(64)}\"", username: $"\"{Emoji(64)}\"", message: $"\"{new string('字', 666)}\"")),
                RejectionReason.IndexEntryTooLarge),
            new("timestamp 0001-01-01", "application/json", Utf8(Body(messageId: "\"year-one\"", timestamp: "\"0001-01-01T00:00:00Z\"")), RejectionReason.TimestampOutOfRange),
            new("invalid UTF-8", "text/plain", [.. Utf8("{\"messageId\":\"bad-"), 0xC3, 0x28, 0xFF, .. Utf8("\"}")], RejectionReason.InvalidJson),
            new("JSON nested 10,000 deep", "application/json", Utf8(string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000)), RejectionReason.InvalidJson),
            new("roomId out of range", "application/json", Utf8(Body(messageId: "\"room-range\"", roomId: "1e400")), RejectionReason.InvalidRoomId),
            new("timestamp out of range", "application/json", Utf8(Body(messageId: "\"time-range\"", timestamp: "1e400")), RejectionReason.InvalidTimestamp),
            new("duplicate keys", "application/json", Utf8(Body(messageId: "\"dup-key\"").Replace("\"roomId\":\"7\"", "\"roomId\":\"7\",\"roomId\":\"8\"", StringComparison.Ordinal)), RejectionReason.DuplicateProperty),
            new("10 MiB body", "application/json", tenMebibytes, RejectionReason.PayloadTooLarge),
            new("empty body", "text/plain", [], RejectionReason.InvalidJson),
            new("a JSON array", "application/json", Utf8("[" + Body(messageId: "\"in-array\"") + "]"), RejectionReason.InvalidJson),
            new("unpaired surrogate escape", "application/json", Utf8(Body(messageId: "\"half-pair\"", username: "\"\\udc00\"")), RejectionReason.InvalidUnicode),
            new("nul in the content type", "text/plain\0evil", Utf8("not json at all"), RejectionReason.InvalidJson),
            new("no content type, a number", null, Utf8("12345678901234567890123456789e99999"), RejectionReason.InvalidJson),
        ];
    }

    [Fact]
    public async Task No_delivery_stops_its_queue_and_every_one_is_accounted_for()
    {
        var corpus = Corpus();
        var storedBefore = await environment.Ingest.MetricAsync("chat_ingest_messages_stored_total");
        var expectedValid = new List<string>();
        var clock = Stopwatch.StartNew();

        // Room 300: a message stored first, then its id again with other content on room 301.
        await environment.Producer.PublishAsync(ProducerMessage.ChatServer("conflict-1", roomId: 300, message: "original"));
        await environment.CountReachesAsync("SELECT count(*) FROM messages WHERE message_id = 'conflict-1'", 1);
        await environment.Producer.PublishAsync(ProducerMessage.ChatServer("conflict-1", roomId: 301, message: "impostor"));
        expectedValid.AddRange(await PublishValidAsync(301, "conflict"));

        // Room 302: two different bodies with the same AMQP message_id property are two deliveries.
        foreach (var id in new[] { "amqp-a", "amqp-b" })
        {
            var message = ProducerMessage.ChatServer(id, roomId: 302);
            await environment.Producer.PublishAsync(message.RoutingKey, message.ContentType, Encoding.UTF8.GetBytes(message.Body), amqpMessageId: "6d1f0000-5b2a-0e1c-1c8f-08de31e5a0b7");
            expectedValid.Add(id);
        }

        expectedValid.AddRange(await PublishValidAsync(302, "amqp"));

        for (var i = 0; i < corpus.Count; i++)
        {
            await environment.Producer.PublishAsync($"room.{200 + i}", corpus[i].ContentType, corpus[i].Body);
            expectedValid.AddRange(await PublishValidAsync(200 + i, $"poison{i}"));
        }

        // Every id of expectedValid ends in -valid-k, except the two of the same-transport-id pair.
        const string validSql = "SELECT count(*) FROM messages WHERE message_id LIKE '%-valid-%' OR message_id IN ('amqp-a', 'amqp-b')";
        await environment.CountReachesAsync(validSql, expectedValid.Count, TimeSpan.FromSeconds(60));
        var allStoredAfter = clock.Elapsed;

        foreach (var poison in corpus)
        {
            var sha = SHA256.HashData(poison.Body);
            await environment.CountReachesAsync($"SELECT count(*) FROM rejected_messages WHERE payload_sha256 = '\\x{Convert.ToHexString(sha)}'", 1);
            var recorded = Assert.Single(await Database.ColumnAsync<string>(
                "SELECT reason || '|' || payload_bytes || '|' || (payload = $1) FROM rejected_messages WHERE payload_sha256 = $2",
                poison.Reason == RejectionReason.PayloadTooLarge ? poison.Body[..1024] : poison.Body, sha));
            Assert.True($"{poison.Reason}|{poison.Body.Length}|true" == recorded, $"{poison.Name}: recorded as {recorded}, expected {poison.Reason}.");
        }

        Assert.Equal("text/plain\\u0000evil", Assert.Single(await Database.ColumnAsync<string>(
            "SELECT content_type FROM rejected_messages WHERE content_type LIKE 'text/plain%evil'")));
        var conflict = Assert.Single(await Database.ColumnAsync<string>(
            "SELECT reason || '|' || routing_key FROM rejected_messages WHERE message_id = 'conflict-1'"));
        Assert.Equal($"{RejectionReason.MessageIdConflict}|room.301", conflict);
        Assert.Equal("300|original", Assert.Single(await Database.ColumnAsync<string>(
            "SELECT room_id || '|' || content FROM messages WHERE message_id = 'conflict-1'")));
        Assert.Equal(0L, await Database.ScalarAsync<long>("SELECT count(*) FROM messages WHERE \"timestamp\" < '2000-01-01'"));

        await Poll.UntilAsync(async () => (await environment.VirtualHost.QueuesAsync()).All(q => q.Messages == 0), TimeSpan.FromSeconds(30),
            async () => $"Queues not drained: {string.Join(", ", await environment.VirtualHost.QueuesAsync())}");
        Assert.Contains(await environment.VirtualHost.QueuesAsync(), q => q.Name == "chat.parking");
        Assert.Equal(expectedValid.Count + 1, await environment.Ingest.MetricAsync("chat_ingest_messages_stored_total") - storedBefore);
        Assert.Equal(0, await environment.Ingest.MetricAsync("chat_ingest_deliveries_parked_total", ("reason", RejectionReason.StorageRefused)));
        Assert.Equal(1, await environment.Ingest.MetricAsync("chat_ingest_consumer_state"));
        Assert.True(allStoredAfter < TimeSpan.FromSeconds(30),
            string.Create(CultureInfo.InvariantCulture, $"The valid messages took {allStoredAfter.TotalSeconds:F1} s to be stored."));
    }

    private async Task<IEnumerable<string>> PublishValidAsync(int roomId, string prefix)
    {
        var ids = Enumerable.Range(0, ValidAfterEach).Select(k => $"{prefix}-valid-{k}").ToList();
        await environment.Producer.PublishAllAsync(ids.Select(id => ProducerMessage.ChatServer(id, roomId: roomId)));
        return ids;
    }
}
