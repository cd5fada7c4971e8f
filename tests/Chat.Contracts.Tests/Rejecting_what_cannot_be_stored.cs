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

    [Fact]
    public void A_body_that_is_not_utf8_is_invalid_json()
    {
        byte[] body = [.. "{\"messageId\":\""u8, 0xC3, 0x28, .. "\"}"u8];

        var result = ChatMessageWireFormat.Parse(body);

        Assert.Equal(RejectionReason.InvalidJson, result.Reason);
        Assert.Contains("UTF-8", result.Detail, StringComparison.Ordinal);
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
