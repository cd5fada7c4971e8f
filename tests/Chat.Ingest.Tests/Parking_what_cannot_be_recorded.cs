using System.Net.Http.Json;
using System.Text.Json;
using Chat.Contracts;

namespace Chat.Ingest.Tests;

public sealed class Parking_what_cannot_be_recorded(IngestEnvironment environment) : IClassFixture<IngestEnvironment>
{
    [Fact]
    public async Task A_delivery_neither_stored_nor_recorded_is_parked_with_its_reason_and_the_rest_of_its_batch_is_stored()
    {
        // Rules the ingest does not know of, on both tables: the row passes validation, PostgreSQL
        // refuses to store it and refuses to record it.
        await environment.Database.ExecuteAsync("ALTER TABLE messages ADD CONSTRAINT test_refuses_park CHECK (content <> 'park me')");
        await environment.Database.ExecuteAsync(
            "ALTER TABLE rejected_messages ADD CONSTRAINT test_refuses_park CHECK (position('park me' in convert_from(payload, 'UTF8')) = 0)");

        await environment.Producer.PublishAllAsync([
            ProducerMessage.ChatServer("park-before", roomId: 11),
            ProducerMessage.ChatServer("park-1", roomId: 11, message: "park me"),
            ProducerMessage.ChatServer("park-after", roomId: 11),
        ]);

        await environment.CountReachesAsync("SELECT count(*) FROM messages WHERE message_id IN ('park-before', 'park-after')", 2);
        await Poll.UntilAsync(async () => await environment.VirtualHost.QueueDepthAsync("chat.parking") == 1, TimeSpan.FromSeconds(30),
            async () => $"Parking queue holds {await environment.VirtualHost.QueueDepthAsync("chat.parking")}.\n{environment.Ingest.Output()}");

        using var client = environment.VirtualHost.Server.CreateManagementClient();
        using var response = await client.PostAsJsonAsync(
            $"api/queues/{Uri.EscapeDataString(environment.VirtualHost.Name)}/chat.parking/get",
            new { count = 1, ackmode = "ack_requeue_true", encoding = "auto" });
        response.EnsureSuccessStatusCode();
        var parked = (await response.Content.ReadFromJsonAsync<JsonElement>())[0];
        var headers = parked.GetProperty("properties").GetProperty("headers");
        Assert.Contains("\"messageId\":\"park-1\"", parked.GetProperty("payload").GetString(), StringComparison.Ordinal);
        Assert.Equal(RejectionReason.StorageRefused, headers.GetProperty("x-chat-reason").GetString());
        Assert.Contains("23514", headers.GetProperty("x-chat-detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("room.11", headers.GetProperty("x-chat-routing-key").GetString());
        Assert.Equal(1, await environment.Ingest.MetricAsync("chat_ingest_deliveries_parked_total", ("reason", RejectionReason.StorageRefused)));
        Assert.Equal(0L, await environment.Database.ScalarAsync<long>("SELECT count(*) FROM messages WHERE message_id = 'park-1'"));
        Assert.Equal(0L, await environment.VirtualHost.QueueDepthAsync("chat.ingest-1") + await environment.VirtualHost.QueueDepthAsync("chat.ingest-2"));
    }

    [Fact]
    public async Task The_ingest_queues_have_a_delivery_limit_and_dead_letter_to_the_parking_queue()
    {
        using var client = environment.VirtualHost.Server.CreateManagementClient();
        foreach (var queue in new[] { "chat.ingest-1", "chat.ingest-2" })
        {
            var info = await client.GetFromJsonAsync<JsonElement>($"api/queues/{Uri.EscapeDataString(environment.VirtualHost.Name)}/{queue}");
            var arguments = info.GetProperty("arguments");
            Assert.Equal("quorum", arguments.GetProperty("x-queue-type").GetString());
            Assert.Equal(20, arguments.GetProperty("x-delivery-limit").GetInt32());
            Assert.Equal("chat.parking", arguments.GetProperty("x-dead-letter-exchange").GetString());
        }

        var parking = await client.GetFromJsonAsync<JsonElement>($"api/queues/{Uri.EscapeDataString(environment.VirtualHost.Name)}/chat.parking");
        Assert.True(parking.GetProperty("durable").GetBoolean());
    }
}
