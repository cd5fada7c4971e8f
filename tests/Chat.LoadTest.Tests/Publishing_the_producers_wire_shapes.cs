using System.Text;
using Chat.LoadTest.Publishing;

namespace Chat.LoadTest.Tests;

/// <summary>The bytes must be those of wire-formats.md, field for field and character for character.</summary>
public sealed class Publishing_the_producers_wire_shapes
{
    [Fact]
    public void The_chat_server_shape_is_byte_for_byte_the_documented_example()
    {
        var message = new ChatServerMessage(
            "3f2b6c1e-9a4d-4c1b-8f7e-0d2a5b6c7d8e", 7, 12345, "user12345", "hello there",
            DateTimeOffset.FromUnixTimeMilliseconds(1732137055093), "TEXT", "chat-host-1a2b3c4d", "/127.0.0.1:51234");

        Assert.Equal(
            """{"messageId":"3f2b6c1e-9a4d-4c1b-8f7e-0d2a5b6c7d8e","roomId":"7","userId":"12345","username":"user12345","message":"hello there","timestamp":1732137055.093000000,"messageType":"TEXT","serverId":"chat-host-1a2b3c4d","clientIp":"/127.0.0.1:51234"}""",
            Encoding.UTF8.GetString(message.ToUtf8Json()));
        Assert.Equal("text/plain", ChatServerMessage.ContentType);
    }

    [Fact]
    public void The_chat_server_shape_writes_absent_server_and_client_as_null()
    {
        var message = new ChatServerMessage("m", 1, 2, "user2", "hi", DateTimeOffset.UnixEpoch.AddTicks(1), "JOIN", null, null);

        Assert.Equal(
            """{"messageId":"m","roomId":"1","userId":"2","username":"user2","message":"hi","timestamp":0.000000100,"messageType":"JOIN","serverId":null,"clientIp":null}""",
            Encoding.UTF8.GetString(message.ToUtf8Json()));
    }

    [Fact]
    public void The_load_generator_shape_is_byte_for_byte_the_documented_example()
    {
        var message = new LoadGeneratorMessage(
            "msg_7_3_41234", 7, "user_234", "TestUser234", "Load test message 41234",
            new DateTimeOffset(2025, 11, 20, 21, 10, 55, TimeSpan.Zero).AddTicks(934_120));

        Assert.Equal(
            """{"messageId":"msg_7_3_41234","roomId":"7","userId":"user_234","username":"TestUser234","message":"Load test message 41234","timestamp":"2025-11-20T21:10:55.093412Z","messageType":"chat"}""",
            Encoding.UTF8.GetString(message.ToUtf8Json()));
        Assert.Equal("application/json", LoadGeneratorMessage.ContentType);
    }

    [Fact]
    public void The_load_generator_timestamp_drops_a_zero_fraction_as_python_isoformat_does()
    {
        Assert.Equal("2025-11-20T21:10:55Z", LoadGeneratorMessage.IsoTimestamp(new DateTimeOffset(2025, 11, 20, 21, 10, 55, TimeSpan.Zero)));
        Assert.Equal("2025-11-20T21:10:55.000001Z", LoadGeneratorMessage.IsoTimestamp(new DateTimeOffset(2025, 11, 20, 21, 10, 55, TimeSpan.Zero).AddTicks(10)));
    }

    [Fact]
    public void Text_is_escaped_only_where_json_requires_it()
    {
        var message = new LoadGeneratorMessage("id", 1, "user_1", "TestUser1", "café \"quoted\" a/b <tag> \\ \u0001",
            new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Contains("""
            "message":"café \"quoted\" a/b <tag> \\ \u0001"
            """.Trim(), Encoding.UTF8.GetString(message.ToUtf8Json()), StringComparison.Ordinal);
    }
}
