using System.Security.Cryptography;
using System.Text;
using Chat.Contracts;

namespace Chat.Ingest.Tests;

public sealed class Storing_the_producers_messages(IngestEnvironment environment) : IClassFixture<IngestEnvironment>
{
    private PostgresDatabase Database => environment.Database;

    [Fact]
    public async Task The_chat_servers_shape_is_stored_with_every_field()
    {
        await environment.Producer.PublishAsync(ProducerMessage.ChatServer(
            "3f2b6c1e-9a4d-4c1b-8f7e-0d2a5b6c7d8e", roomId: 7, userId: "12345", message: "hello there",
            timestamp: "1732137055.123456789", messageType: "JOIN"));

        var row = await StoredRowAsync("3f2b6c1e-9a4d-4c1b-8f7e-0d2a5b6c7d8e");

        Assert.Equal(
            "7|12345|user12345|hello there|2024-11-20 21:10:55.123456+00|JOIN|chat-host-1a2b3c4d|/127.0.0.1:51234",
            row);
    }

    [Fact]
    public async Task The_load_generators_shape_is_stored_with_every_field()
    {
        await environment.Producer.PublishAsync("room.12", "application/json", """
            {"messageId":"msg_12_3_41234","roomId":"12","userId":"user_234","username":"TestUser234",
             "message":"Load test message 41234","timestamp":"2025-11-20T21:10:55.093412Z",
             "messageType":"chat"}
            """);

        var row = await StoredRowAsync("msg_12_3_41234");

        Assert.Equal("12|user_234|TestUser234|Load test message 41234|2025-11-20 21:10:55.093412+00|CHAT||", row);
    }

    [Fact]
    public async Task A_MassTransit_envelope_of_our_contract_is_stored()
    {
        await environment.Producer.PublishAsync("room.3", "application/vnd.masstransit+json", $$$"""
            {"messageId":"1c2d0000-1c2d-1c2d-2f4a-08de2b3c4d5e","conversationId":"1c2d0000-1c2d-1c2d-3a1b-08de2b3c4d5e",
             "destinationAddress":"rabbitmq://localhost/chat.exchange?type=topic",
             "messageType":["{{{ChatMessageWireFormat.EnvelopeMessageType}}}"],
             "message":{"messageId":"envelope-1","roomId":3,"userId":"42","username":"someone","message":"via MassTransit",
                        "timestamp":"2025-11-20T22:10:55.5+01:00","messageType":"LEAVE","serverId":null,"clientIp":null},
             "sentTime":"2025-11-20T21:10:56Z","headers":{}}
            """);

        var row = await StoredRowAsync("envelope-1");

        Assert.Equal("3|42|someone|via MassTransit|2025-11-20 21:10:55.5+00|LEAVE||", row);
    }

    [Fact]
    public async Task Duplicate_message_ids_are_stored_once()
    {
        var duplicatesBefore = await environment.Ingest.MetricAsync("chat_ingest_messages_duplicate_total");
        var sent = DateTimeOffset.UtcNow;

        // Three copies in one go (most likely one batch), then the same message again in a later batch.
        for (var copy = 0; copy < 3; copy++)
        {
            await environment.Producer.PublishAsync(ProducerMessage.LoadGenerator("dup-1", roomId: 5, timestamp: sent));
        }

        await environment.Producer.PublishAsync(ProducerMessage.LoadGenerator("dup-other", roomId: 5));
        await environment.CountReachesAsync("SELECT count(*) FROM messages WHERE message_id IN ('dup-1', 'dup-other')", 2);
        await environment.Producer.PublishAsync(ProducerMessage.LoadGenerator("dup-1", roomId: 5, timestamp: sent));

        await Poll.UntilAsync(
            async () => await environment.Ingest.MetricAsync("chat_ingest_messages_duplicate_total") - duplicatesBefore >= 3,
            TimeSpan.FromMinutes(1),
            async () => $"duplicates counted: {await environment.Ingest.MetricAsync("chat_ingest_messages_duplicate_total") - duplicatesBefore}");
        Assert.Equal(1L, await Database.ScalarAsync<long>("SELECT count(*) FROM messages WHERE message_id = 'dup-1'"));
        Assert.Equal(5, await Database.ScalarAsync<int>("SELECT room_id FROM messages WHERE message_id = 'dup-1'"));
        Assert.Equal(0L, await Database.ScalarAsync<long>("SELECT count(*) FROM rejected_messages WHERE message_id = 'dup-1'"));
    }

    [Fact]
    public async Task A_message_id_reused_with_other_content_is_recorded_as_a_conflict_and_the_stored_row_kept()
    {
        var conflictsBefore = await environment.Ingest.MetricAsync("chat_ingest_messages_conflict_total");
        await environment.Producer.PublishAsync(ProducerMessage.ChatServer("reused-1", roomId: 4, message: "the first"));
        await environment.CountReachesAsync("SELECT count(*) FROM messages WHERE message_id = 'reused-1'", 1);

        await environment.Producer.PublishAsync(ProducerMessage.ChatServer("reused-1", roomId: 14, message: "the second"));

        await environment.CountReachesAsync(
            $"SELECT count(*) FROM rejected_messages WHERE message_id = 'reused-1' AND reason = '{RejectionReason.MessageIdConflict}'", 1);
        var detail = Assert.Single(await Database.ColumnAsync<string>("SELECT detail FROM rejected_messages WHERE message_id = 'reused-1'"));
        Assert.Contains("roomId 4", detail, StringComparison.Ordinal);
        Assert.Contains("message", detail, StringComparison.Ordinal);
        Assert.Equal("4|the first", Assert.Single(await Database.ColumnAsync<string>(
            "SELECT room_id || '|' || content FROM messages WHERE message_id = 'reused-1'")));
        Assert.Equal(1, await environment.Ingest.MetricAsync("chat_ingest_messages_conflict_total") - conflictsBefore);
    }

    public static TheoryData<string, string, string> InvalidBodies => new()
    {
        { RejectionReason.InvalidJson, "text/plain", "{\"messageId\":\"rej-json\"" },
        { RejectionReason.MissingField, "application/json", """{"messageId":"rej-missing","roomId":"1","userId":"u","message":"hi","messageType":"TEXT"}""" },
        { RejectionReason.InvalidRoomId, "text/plain", """{"messageId":"rej-room","roomId":"lobby","userId":"u","message":"hi","timestamp":1732137055.0,"messageType":"TEXT"}""" },
        { RejectionReason.InvalidMessageId, "application/json", $$"""{"messageId":"{{new string('m', 65)}}","roomId":"1","userId":"u","message":"hi","timestamp":1732137055.0,"messageType":"TEXT"}""" },
        { RejectionReason.InvalidContent, "application/json", """{"messageId":"rej-empty","roomId":"1","userId":"u","message":"","timestamp":1732137055.0,"messageType":"TEXT"}""" },
        { RejectionReason.ContentTooLong, "application/json", $$"""{"messageId":"rej-long","roomId":"1","userId":"u","message":"{{new string('x', 2001)}}","timestamp":1732137055.0,"messageType":"TEXT"}""" },
        { RejectionReason.ContainsNul, "text/plain", """{"messageId":"rej-nul","roomId":"1","userId":"u","message":"a\u0000b","timestamp":1732137055.0,"messageType":"TEXT"}""" },
        { RejectionReason.InvalidTimestamp, "application/json", """{"messageId":"rej-time","roomId":"1","userId":"u","message":"hi","timestamp":"soon","messageType":"chat"}""" },
        { RejectionReason.InvalidMessageType, "application/json", """{"messageId":"rej-type","roomId":"1","userId":"u","message":"hi","timestamp":1732137055.0,"messageType":"NOT A TYPE"}""" },
        { RejectionReason.FieldTooLong, "application/json", $$"""{"messageId":"rej-user","roomId":"1","userId":"{{new string('u', 65)}}","message":"hi","timestamp":1732137055.0,"messageType":"TEXT"}""" },
    };

    [Fact]
    public async Task Each_rejection_reason_lands_in_rejected_messages_while_the_rest_of_its_batch_is_stored()
    {
        var invalid = InvalidBodies.Select(row => (Reason: (string)row[0], ContentType: (string)row[1], Body: (string)row[2])).ToList();
        var valid = Enumerable.Range(0, 20).Select(i => ProducerMessage.LoadGenerator($"batch-valid-{i}", roomId: 9)).ToList();

        // Valid and invalid interleaved on one room (one queue), so they share batches.
        for (var i = 0; i < valid.Count; i++)
        {
            await environment.Producer.PublishAsync(valid[i]);
            if (i < invalid.Count)
            {
                await environment.Producer.PublishAsync("room.9", invalid[i].ContentType, invalid[i].Body);
            }
        }

        await environment.CountReachesAsync("SELECT count(*) FROM messages WHERE message_id LIKE 'batch-valid-%'", valid.Count);
        foreach (var (reason, contentType, body) in invalid)
        {
            var payload = Encoding.UTF8.GetBytes(body);
            await environment.CountReachesAsync(
                $"SELECT count(*) FROM rejected_messages WHERE payload_sha256 = '\\x{Convert.ToHexString(SHA256.HashData(payload))}'", 1);
            var recorded = await Database.ColumnAsync<string>("""
                SELECT concat_ws('|', reason, content_type, exchange, routing_key, payload = $1, detail <> '')
                FROM rejected_messages WHERE payload_sha256 = $2
                """, payload, SHA256.HashData(payload));
            Assert.Equal($"{reason}|{contentType}|chat.exchange|room.9|t|t", Assert.Single(recorded));
        }

        Assert.Equal(valid.Count, await Database.ScalarAsync<long>("SELECT count(*) FROM messages WHERE message_id LIKE 'batch-valid-%'"));
    }

    [Fact]
    public async Task The_same_rejected_payload_is_recorded_once()
    {
        const string body = "not json, twice";
        await environment.Producer.PublishAsync("room.2", "text/plain", body);
        await environment.Producer.PublishAsync("room.2", "text/plain", body);
        await environment.Producer.PublishAsync(ProducerMessage.ChatServer("after-twice", roomId: 2));

        await environment.CountReachesAsync("SELECT count(*) FROM messages WHERE message_id = 'after-twice'", 1);

        Assert.Equal(1L, await Database.ScalarAsync<long>(
            "SELECT count(*) FROM rejected_messages WHERE payload = convert_to($1, 'UTF8')", body));
    }

    [Fact]
    public async Task Health_and_metrics_are_served()
    {
        using var ready = await environment.Ingest.GetAsync("health/ready");
        var health = await ready.Content.ReadAsStringAsync();
        using var live = await environment.Ingest.GetAsync("health/live");
        using var metrics = await environment.Ingest.GetAsync("metrics");
        var text = await metrics.Content.ReadAsStringAsync();

        Assert.True(ready.IsSuccessStatusCode, health);
        Assert.Contains("\"postgres\"", health, StringComparison.Ordinal);
        Assert.Contains("\"rabbitmq\"", health, StringComparison.Ordinal);
        Assert.True(live.IsSuccessStatusCode);
        foreach (var name in new[]
        {
            "chat_ingest_messages_stored_total", "chat_ingest_messages_duplicate_total", "chat_ingest_batches_total",
            "chat_ingest_batch_size_bucket", "chat_ingest_batch_write_seconds_bucket", "chat_ingest_end_to_end_lag_seconds_bucket",
            "chat_ingest_consumer_state 1",
        })
        {
            Assert.Contains(name, text, StringComparison.Ordinal);
        }
    }

    private async Task<string> StoredRowAsync(string messageId)
    {
        await environment.CountReachesAsync($"SELECT count(*) FROM messages WHERE message_id = '{messageId}'", 1);
        var rows = await Database.ColumnAsync<string>("""
            SELECT concat_ws('|', room_id, user_id, coalesce(username, ''), content, "timestamp" AT TIME ZONE 'UTC' || '+00',
                             message_type, coalesce(server_id, ''), coalesce(client_ip, ''))
            FROM messages WHERE message_id = $1
            """, messageId);
        return Assert.Single(rows);
    }
}
