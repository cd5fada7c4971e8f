using System.Text;
using System.Text.Json;
using Chat.LoadTest.Publishing;
using Chat.LoadTest.Traffic;

namespace Chat.LoadTest.Tests;

public sealed class Generating_load_traffic
{
    private static readonly TrafficSettings Settings = new()
    {
        RunId = "t1", Rooms = 20, Users = 100_000, DuplicateShare = 0.05, InvalidShare = 0.02, ChatServerShare = 0.5,
    };

    private static readonly LoadTraffic Traffic = new(Settings);

    private static readonly string[] ChatServerTypes = ["TEXT", "JOIN", "LEAVE"];

    private static readonly DateTimeOffset Now = new(2025, 11, 20, 21, 10, 55, TimeSpan.Zero);

    private static readonly OutgoingMessage[] Sends = [.. Enumerable.Range(0, 20_000).Select(i => Traffic.Create(i, Now))];

    [Fact]
    public void Duplicates_and_invalid_messages_come_in_the_shares_asked_for()
    {
        var duplicates = Sends.Count(s => s.Kind == MessageKind.Duplicate) / (double)Sends.Length;
        var invalid = Sends.Count(s => s.Kind == MessageKind.Invalid) / (double)Sends.Length;

        Assert.InRange(duplicates, 0.045, 0.055);
        Assert.InRange(invalid, 0.017, 0.023);
    }

    [Fact]
    public void A_duplicate_repeats_an_earlier_originals_id_room_and_text()
    {
        foreach (var duplicate in Sends.Where(s => s.Kind == MessageKind.Duplicate))
        {
            Assert.True(duplicate.OriginalIndex < duplicate.Sequence);
            var original = Sends[duplicate.OriginalIndex];
            Assert.Equal(MessageKind.Original, original.Kind);
            Assert.Equal(Field(original, "messageId"), Field(duplicate, "messageId"));
            Assert.Equal(Field(original, "message"), Field(duplicate, "message"));
            Assert.Equal(original.RoutingKey, duplicate.RoutingKey);
        }
    }

    [Fact]
    public void Every_valid_send_carries_the_run_id_and_routes_to_its_room()
    {
        foreach (var send in Sends.Where(s => s.Kind != MessageKind.Invalid))
        {
            var id = Field(send, "messageId");
            Assert.True(string.CompareOrdinal(id, Traffic.IdRangeStart) >= 0 && string.CompareOrdinal(id, Traffic.IdRangeEnd) < 0, id);
            Assert.Equal($"room.{Field(send, "roomId")}", send.RoutingKey);
            Assert.InRange(int.Parse(Field(send, "roomId")), 1, Settings.Rooms);
            Assert.InRange(Field(send, "message").Length, Settings.MinContentLength, Settings.MaxContentLength);
        }
    }

    [Fact]
    public void Both_producer_shapes_are_sent_with_their_content_types()
    {
        var valid = Sends.Where(s => s.Kind == MessageKind.Original).ToList();
        var serverShare = valid.Count(s => s.ContentType == ChatServerMessage.ContentType) / (double)valid.Count;

        Assert.InRange(serverShare, 0.47, 0.53);
        Assert.All(valid.Where(s => s.ContentType == LoadGeneratorMessage.ContentType), s => Assert.Equal("chat", Field(s, "messageType")));
        Assert.All(valid.Where(s => s.ContentType == ChatServerMessage.ContentType),
            s => Assert.Contains(Field(s, "messageType"), ChatServerTypes));
    }

    [Fact]
    public void Every_invalid_payload_is_distinct_and_every_kind_is_sent()
    {
        var invalid = Sends.Where(s => s.Kind == MessageKind.Invalid).ToList();

        Assert.Equal(invalid.Count, invalid.Select(s => Convert.ToHexString(s.Body)).Distinct().Count());
        Assert.Equal(InvalidPayloads.Kinds.Count, invalid.Select(s => InvalidPayloads.KindOf(s.Sequence)).Distinct().Count());
    }

    [Theory]
    [InlineData("invalid_json", "not JSON")]
    [InlineData("missing_message", "no message")]
    [InlineData("room_not_positive", "\"roomId\":\"0\"")]
    [InlineData("room_not_integer", "\"roomId\":\"room")]
    [InlineData("empty_message", "\"message\":\"\"")]
    [InlineData("message_too_long", "2001")]
    [InlineData("nul_in_message", "\\u0000")]
    [InlineData("timestamp_not_a_time", "yesterday at noon")]
    [InlineData("message_id_too_long", "id over 64")]
    public void Each_invalid_kind_breaks_exactly_the_rule_it_is_named_for(string kind, string evidence)
    {
        var send = Sends.First(s => s.Kind == MessageKind.Invalid && InvalidPayloads.KindOf(s.Sequence) == kind);
        var text = Encoding.UTF8.GetString(send.Body);

        switch (kind)
        {
            case "invalid_json":
                Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(send.Body));
                break;
            case "missing_message":
                Assert.False(JsonDocument.Parse(send.Body).RootElement.TryGetProperty("message", out _), evidence);
                break;
            case "message_too_long":
                Assert.Equal(2001, Field(send, "message").Length);
                break;
            case "message_id_too_long":
                Assert.True(Field(send, "messageId").Length > 64, evidence);
                break;
            default:
                Assert.Contains(evidence, text, StringComparison.Ordinal);
                break;
        }
    }

    [Fact]
    public void The_same_settings_give_the_same_traffic()
    {
        var again = new LoadTraffic(Settings);

        Assert.Equal(Sends[12_345].Body, again.Create(12_345, Now).Body);
        Assert.Equal(Traffic.Original(777), again.Original(777));
    }

    [Fact]
    public void Settings_outside_what_the_producers_send_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new LoadTraffic(Settings with { MaxContentLength = 501 }));
        Assert.Throws<ArgumentException>(() => new LoadTraffic(Settings with { RunId = "has:colon" }));
        Assert.Throws<ArgumentException>(() => new LoadTraffic(Settings with { DuplicateShare = 0.6, InvalidShare = 0.5 }));
    }

    private static string Field(OutgoingMessage send, string name) =>
        JsonDocument.Parse(send.Body).RootElement.GetProperty(name).ToString();
}
