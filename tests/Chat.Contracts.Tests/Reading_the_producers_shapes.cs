using System.Text;
using System.Text.Json;

namespace Chat.Contracts.Tests;

public sealed class Reading_the_producers_shapes
{
    // What MassTransit's System.Text.Json serializer writes: camelCase properties.
    private static readonly JsonSerializerOptions MassTransitJson = new(JsonSerializerDefaults.Web);

    [Fact]
    public void The_chat_servers_text_plain_shape_is_read_with_every_field()
    {
        var message = Valid("""
            {"messageId":"3f2b6c1e-9a4d-4c1b-8f7e-0d2a5b6c7d8e","roomId":"7","userId":"12345",
             "username":"user12345","message":"hello there","timestamp":1732137055.093000000,
             "messageType":"TEXT","serverId":"chat-host-1a2b3c4d","clientIp":"/127.0.0.1:51234"}
            """);

        Assert.Equal("3f2b6c1e-9a4d-4c1b-8f7e-0d2a5b6c7d8e", message.MessageId);
        Assert.Equal(7, message.RoomId);
        Assert.Equal("12345", message.UserId);
        Assert.Equal("user12345", message.Username);
        Assert.Equal("hello there", message.Message);
        Assert.Equal(new DateTimeOffset(2024, 11, 20, 21, 10, 55, 93, TimeSpan.Zero), message.Timestamp);
        Assert.Equal("TEXT", message.MessageType);
        Assert.Equal("chat-host-1a2b3c4d", message.ServerId);
        Assert.Equal("/127.0.0.1:51234", message.ClientIp);
    }

    [Fact]
    public void The_load_generators_application_json_shape_is_read_with_every_field()
    {
        var message = Valid("""
            {"messageId":"msg_7_3_41234","roomId":"7","userId":"user_234","username":"TestUser234",
             "message":"Load test message 41234","timestamp":"2025-11-20T21:10:55.093412Z",
             "messageType":"chat"}
            """);

        Assert.Equal("msg_7_3_41234", message.MessageId);
        Assert.Equal(7, message.RoomId);
        Assert.Equal("user_234", message.UserId);
        Assert.Equal("TestUser234", message.Username);
        Assert.Equal("Load test message 41234", message.Message);
        Assert.Equal(new DateTimeOffset(2025, 11, 20, 21, 10, 55, 93, 412, TimeSpan.Zero), message.Timestamp);
        Assert.Equal("CHAT", message.MessageType);
        Assert.Null(message.ServerId);
        Assert.Null(message.ClientIp);
    }

    [Fact]
    public void A_MassTransit_envelope_of_the_contract_is_read()
    {
        var posted = new ChatMessagePosted
        {
            MessageId = "env-1",
            RoomId = 12,
            UserId = "42",
            Username = "someone",
            Message = "from a MassTransit producer",
            Timestamp = new DateTimeOffset(2025, 11, 20, 21, 10, 55, 93, 412, TimeSpan.FromHours(2)),
            MessageType = "JOIN",
        };
        var envelope = JsonSerializer.Serialize(new
        {
            messageId = Guid.NewGuid(),
            messageType = new[] { ChatMessageWireFormat.EnvelopeMessageType },
            message = posted,
            sentTime = DateTime.UtcNow,
        }, MassTransitJson);

        var message = Valid(envelope);

        Assert.Equal(posted, message);
    }

    [Fact]
    public void Epoch_seconds_are_read_exactly_to_the_microsecond()
    {
        var message = Valid(Shape1(timestamp: "1732137055.123456789"));

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1732137055).AddTicks(1_234_560), message.Timestamp);
    }

    [Theory]
    [InlineData("1732137055", 0L)]
    [InlineData("1.7321370551E9", 1_000_000L)]
    [InlineData("1732137055.5", 5_000_000L)]
    public void Epoch_seconds_may_be_whole_or_in_exponent_notation(string timestamp, long ticksAfterSecond)
    {
        var message = Valid(Shape1(timestamp: timestamp));

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1732137055).AddTicks(ticksAfterSecond), message.Timestamp);
    }

    [Fact]
    public void An_iso_timestamp_without_an_offset_is_taken_as_utc()
    {
        var message = Valid(Shape1(timestamp: "\"2025-11-20T21:10:55.5\""));

        Assert.Equal(new DateTimeOffset(2025, 11, 20, 21, 10, 55, 500, TimeSpan.Zero), message.Timestamp);
    }

    [Fact]
    public void An_iso_timestamp_keeps_its_instant_whatever_its_offset()
    {
        var message = Valid(Shape1(timestamp: "\"2025-11-20T23:10:55+02:00\""));

        Assert.Equal(new DateTimeOffset(2025, 11, 20, 21, 10, 55, TimeSpan.Zero), message.Timestamp.ToUniversalTime());
    }

    [Theory]
    [InlineData("TEXT", "TEXT")]
    [InlineData("JOIN", "JOIN")]
    [InlineData("LEAVE", "LEAVE")]
    [InlineData("chat", "CHAT")]
    [InlineData("system_notice", "SYSTEM_NOTICE")]
    [InlineData("typing-started", "TYPING-STARTED")]
    public void Word_like_message_types_are_kept_upper_cased(string given, string stored)
    {
        Assert.Equal(stored, Valid(Shape1(messageType: $"\"{given}\"")).MessageType);
    }

    [Fact]
    public void Room_and_user_ids_may_be_json_integers()
    {
        var message = Valid(Shape1(roomId: "20", userId: "12345"));

        Assert.Equal(20, message.RoomId);
        Assert.Equal("12345", message.UserId);
    }

    [Fact]
    public void Unknown_properties_are_ignored()
    {
        var body = Shape1().Replace("{", "{\"extra\":{\"nested\":[1,2,{\"x\":null}]},", StringComparison.Ordinal);

        Assert.Equal("m-1", Valid(body).MessageId);
    }

    [Fact]
    public void Content_of_exactly_2000_utf8_bytes_is_accepted()
    {
        var content = new string('é', 1000); // 2 bytes each

        Assert.Equal(content, Valid(Shape1(message: $"\"{content}\"")).Message);
    }

    [Fact]
    public void Limits_count_characters_not_utf16_units()
    {
        var emojiId = string.Concat(Enumerable.Repeat("😀", 64)); // 64 characters, 128 UTF-16 units

        Assert.Equal(emojiId, Valid(Shape1(messageId: $"\"{emojiId}\"")).MessageId);
    }

    internal static string Shape1(
        string messageId = "\"m-1\"", string roomId = "\"7\"", string userId = "\"12345\"", string username = "\"user12345\"",
        string message = "\"hello\"", string timestamp = "1732137055.093000000", string messageType = "\"TEXT\"",
        string serverId = "null", string clientIp = "null") =>
        $$"""
        {"messageId":{{messageId}},"roomId":{{roomId}},"userId":{{userId}},"username":{{username}},"message":{{message}},"timestamp":{{timestamp}},"messageType":{{messageType}},"serverId":{{serverId}},"clientIp":{{clientIp}}}
        """;

    private static ChatMessagePosted Valid(string body)
    {
        var result = ChatMessageWireFormat.Parse(Encoding.UTF8.GetBytes(body));

        Assert.True(result.IsValid, $"{result.Reason}: {result.Detail}");
        return result.Message!;
    }
}
