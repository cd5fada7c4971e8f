using System.Text;
using static Chat.Contracts.Tests.Reading_the_producers_shapes;

namespace Chat.Contracts.Tests;

public sealed class Rejecting_what_cannot_be_stored
{
    public static TheoryData<string, string, string> Bodies => new()
    {
        // body, reason, a fragment of the detail
        { "", RejectionReason.InvalidJson, "empty" },
        { "not json", RejectionReason.InvalidJson, "not valid JSON" },
        { "{\"messageId\":\"m-1\"", RejectionReason.InvalidJson, "not valid JSON" },
        { "[1,2]", RejectionReason.InvalidJson, "array, not an object" },
        { "{} {}", RejectionReason.InvalidJson, "not valid JSON" },
        { Shape1().Replace("{\"messageId\":\"m-1\",", "{", StringComparison.Ordinal), RejectionReason.MissingField, "messageId is missing" },
        { Shape1(messageId: "null"), RejectionReason.MissingField, "messageId is missing" },
        { Shape1(roomId: "null"), RejectionReason.MissingField, "roomId is missing" },
        { Shape1(userId: "null"), RejectionReason.MissingField, "userId is missing" },
        { Shape1(message: "null"), RejectionReason.MissingField, "message is missing" },
        { Shape1(timestamp: "null"), RejectionReason.MissingField, "timestamp is missing" },
        { Shape1(messageType: "null"), RejectionReason.MissingField, "messageType is missing" },
        { Shape1(roomId: "\"abc\""), RejectionReason.InvalidRoomId, "roomId \"abc\" is not a positive integer" },
        { Shape1(roomId: "\"0\""), RejectionReason.InvalidRoomId, "roomId \"0\" is not a positive integer" },
        { Shape1(roomId: "\"-3\""), RejectionReason.InvalidRoomId, "not a positive integer" },
        { Shape1(roomId: "\"7.5\""), RejectionReason.InvalidRoomId, "not a positive integer" },
        { Shape1(roomId: "\" 7\""), RejectionReason.InvalidRoomId, "not a positive integer" },
        { Shape1(roomId: "\"99999999999\""), RejectionReason.InvalidRoomId, "not a positive integer" },
        { Shape1(roomId: "7.0"), RejectionReason.InvalidRoomId, "not a positive integer" },
        { Shape1(roomId: "true"), RejectionReason.InvalidRoomId, "not a JSON boolean" },
        { Shape1(messageId: "\"\""), RejectionReason.InvalidMessageId, "messageId is empty" },
        { Shape1(messageId: $"\"{new string('x', 65)}\""), RejectionReason.InvalidMessageId, "65 characters long; at most 64" },
        { Shape1(messageId: "42"), RejectionReason.InvalidMessageId, "must be a string, not a JSON number" },
        { Shape1(userId: "\"\""), RejectionReason.InvalidUserId, "userId is empty" },
        { Shape1(userId: "1.5"), RejectionReason.InvalidUserId, "not an integer" },
        { Shape1(userId: "{}"), RejectionReason.InvalidUserId, "not a JSON object" },
        { Shape1(message: "\"\""), RejectionReason.InvalidContent, "message is empty" },
        { Shape1(message: "[\"hi\"]"), RejectionReason.InvalidContent, "not a JSON array" },
        { Shape1(message: $"\"{new string('x', 2001)}\""), RejectionReason.ContentTooLong, "2001 bytes of UTF-8; at most 2000" },
        { Shape1(message: $"\"{new string('é', 1001)}\""), RejectionReason.ContentTooLong, "2002 bytes" },
        { Shape1(message: "\"nul \\u0000 inside\""), RejectionReason.ContainsNul, "message holds a NUL character" },
        { Shape1(username: "\"a\\u0000b\""), RejectionReason.ContainsNul, "username holds a NUL character" },
        { Shape1(messageId: "\"m\\u0000\""), RejectionReason.ContainsNul, "messageId holds a NUL character" },
        { Shape1(message: "\"half \\ud800 a pair\""), RejectionReason.InvalidUnicode, "unpaired" },
        { Shape1(timestamp: "\"yesterday\""), RejectionReason.InvalidTimestamp, "not an ISO-8601 date and time" },
        { Shape1(timestamp: "\"2025-13-45T99:00:00Z\""), RejectionReason.InvalidTimestamp, "not an ISO-8601" },
        { Shape1(timestamp: "1e300"), RejectionReason.InvalidTimestamp, "is not a time" },
        { Shape1(timestamp: "-99999999999999"), RejectionReason.InvalidTimestamp, "is not a time" },
        { Shape1(timestamp: "true"), RejectionReason.InvalidTimestamp, "not a JSON boolean" },
        { Shape1(messageType: "\"\""), RejectionReason.InvalidMessageType, "is not a word" },
        { Shape1(messageType: "\"TEXT MESSAGE\""), RejectionReason.InvalidMessageType, "is not a word" },
        { Shape1(messageType: "\"<script>\""), RejectionReason.InvalidMessageType, "is not a word" },
        { Shape1(messageType: $"\"{new string('A', 33)}\""), RejectionReason.InvalidMessageType, "is not a word" },
        { Shape1(messageType: "1"), RejectionReason.InvalidMessageType, "not a JSON number" },
        { Shape1(userId: $"\"{new string('u', 65)}\""), RejectionReason.FieldTooLong, "userId is 65 characters long; at most 64" },
        { Shape1(username: $"\"{new string('n', 65)}\""), RejectionReason.FieldTooLong, "username is 65 characters long" },
        { Shape1(serverId: $"\"{new string('s', 129)}\""), RejectionReason.FieldTooLong, "serverId is 129 characters long; at most 128" },
        { Shape1(clientIp: $"\"{new string('c', 65)}\""), RejectionReason.FieldTooLong, "clientIp is 65 characters long; at most 64" },
        { Shape1(username: "12"), RejectionReason.InvalidFieldType, "username must be a string or null" },
        { "{\"messageId\":\"x\",\"messageType\":[\"urn:message:Other:Thing\"],\"message\":{\"a\":1}}",
            RejectionReason.UnknownContract, "urn:message:Other:Thing" },

        { Shape1(timestamp: "\"0001-01-01T00:00:00Z\""), RejectionReason.TimestampOutOfRange, "0001-01-01T00:00:00.000000Z lies outside 2000-01-01" },
        { Shape1(timestamp: "0"), RejectionReason.TimestampOutOfRange, "1970-01-01" },
        { Shape1(timestamp: "\"9999-12-31T23:59:59Z\""), RejectionReason.TimestampOutOfRange, "now + 1.00:00:00" },
        { Shape1(timestamp: "1e400"), RejectionReason.InvalidTimestamp, "is not a time" },
        { Shape1(roomId: "1e400"), RejectionReason.InvalidRoomId, "not a positive integer" },
        { Shape1(roomId: "2147483648"), RejectionReason.InvalidRoomId, "not a positive integer" },
        { Shape1() + "x", RejectionReason.InvalidJson, "not valid JSON" },
        { "{\"messageId\":\"a\",\"messageId\":\"b\"}", RejectionReason.DuplicateProperty, "messageId appears more than once" },
        { Shape1().Replace("\"roomId\":\"7\"", "\"roomId\":\"7\",\"roomId\":\"8\"", StringComparison.Ordinal), RejectionReason.DuplicateProperty, "roomId" },
        { "[" + Shape1() + "]", RejectionReason.InvalidJson, "array, not an object" },
        { string.Concat(Enumerable.Repeat("[", 10_000)) + string.Concat(Enumerable.Repeat("]", 10_000)), RejectionReason.InvalidJson, "array" },
        { "{\"a\":" + string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_001), RejectionReason.InvalidJson, "depth" },
        { Shape1(messageId: "\"m\\u0000\"", userId: "\"u\\u0000\""), RejectionReason.ContainsNul, "messageId" },
        { Shape1(serverId: "\"s\\u0000\""), RejectionReason.ContainsNul, "serverId" },
        { Shape1(clientIp: "\"\\udc00\""), RejectionReason.InvalidUnicode, "unpaired" },
        { Shape1(messageId: $"\"{Emoji(64)}\"", userId: $"\"{Emoji(64)}\"", username: $"\"{Emoji(64)}\"", message: $"\"{new string('字', 666)}\""),
            RejectionReason.IndexEntryTooLarge, "2770 bytes of UTF-8 together" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public void Each_problem_is_rejected_with_its_reason_and_a_detail_that_names_it(string body, string reason, string detail)
    {
        var result = ChatMessageWireFormat.Parse(Encoding.UTF8.GetBytes(body));

        Assert.False(result.IsValid);
        Assert.Equal(reason, result.Reason);
        Assert.Contains(detail, result.Detail, StringComparison.Ordinal);
    }

    private static string Emoji(int count) => string.Concat(Enumerable.Repeat("😀", count));

    [Fact]
    public void A_body_that_is_not_utf8_is_invalid_json()
    {
        byte[] body = [.. "{\"messageId\":\""u8, 0xC3, 0x28, .. "\"}"u8];

        var result = ChatMessageWireFormat.Parse(body);

        Assert.Equal(RejectionReason.InvalidJson, result.Reason);
        Assert.Contains("UTF-8", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Multibyte_ids_and_content_that_fit_one_index_entry_are_valid()
    {
        // Three ids of 60 characters of 3 bytes, 1,998 bytes of content and "TEXT": 2,542 bytes together.
        var body = Shape1(messageId: $"\"{new string('字', 60)}\"", userId: $"\"{new string('字', 60)}\"", username: $"\"{new string('字', 60)}\"",
            message: $"\"{new string('字', 666)}\"");

        Assert.True(ChatMessageWireFormat.Parse(Encoding.UTF8.GetBytes(body)).IsValid);
    }

    [Fact]
    public void The_timestamp_window_is_the_callers()
    {
        var body = Encoding.UTF8.GetBytes(Shape1(timestamp: "\"1999-06-01T00:00:00Z\""));
        var now = new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(RejectionReason.TimestampOutOfRange, ChatMessageWireFormat.Parse(body, TimestampWindow.Default, now).Reason);
        Assert.True(ChatMessageWireFormat.Parse(body, new TimestampWindow(new DateTimeOffset(1990, 1, 1, 0, 0, 0, TimeSpan.Zero), TimeSpan.Zero), now).IsValid);
    }

    [Fact]
    public void A_long_message_id_is_kept_cut_between_characters_never_inside_one()
    {
        // 255 ASCII characters and an emoji: a cut at 256 UTF-16 units would split the emoji's surrogate pair.
        var result = ChatMessageWireFormat.Parse(Encoding.UTF8.GetBytes(Shape1(messageId: $"\"{new string('m', 255)}😀\"")));

        Assert.Equal(RejectionReason.InvalidMessageId, result.Reason);
        Assert.True(Encoding.UTF8.GetByteCount(result.MessageId!) > 0);
        Assert.DoesNotContain(result.MessageId!, c => char.IsSurrogate(c));
        Assert.Equal(new string('m', 255) + "…", result.MessageId);
    }

    [Fact]
    public void A_rejected_message_keeps_the_message_id_it_gave()
    {
        var result = ChatMessageWireFormat.Parse(Encoding.UTF8.GetBytes(Shape1(messageId: "\"m-77\"", roomId: "\"x\"")));

        Assert.Equal("m-77", result.MessageId);
    }

    [Fact]
    public void An_envelope_with_an_invalid_message_is_rejected_for_that_message()
    {
        var body = $$$"""{"messageType":["{{{ChatMessageWireFormat.EnvelopeMessageType}}}"],"message":{"messageId":"e-1","roomId":0}}""";

        var result = ChatMessageWireFormat.Parse(Encoding.UTF8.GetBytes(body));

        Assert.Equal(RejectionReason.InvalidRoomId, result.Reason);
        Assert.Equal("e-1", result.MessageId);
    }
}
