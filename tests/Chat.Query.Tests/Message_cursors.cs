using Chat.Query.Reads;

namespace Chat.Query.Tests;

public sealed class Message_cursors
{
    [Theory]
    [InlineData("2025-11-20T21:10:55.093412Z", "msg_7_3_41234")]
    [InlineData("1970-01-01T00:00:00Z", "a:b:c with colons")]
    [InlineData("1969-12-31T23:59:59.999999Z", "before the epoch")]
    public void Round_trip_to_the_microsecond(string timestamp, string messageId)
    {
        var cursor = new MessageCursor(DateTimeOffset.Parse(timestamp).UtcDateTime, messageId);

        Assert.True(MessageCursor.TryDecode(cursor.Encode(), out var decoded));
        Assert.Equal(cursor, decoded);
    }

    [Theory]
    [InlineData("")]
    [InlineData("!!!")]
    [InlineData("djE6MTIz")] // "v1:123": no id
    [InlineData("djE6OTk5OTk5OTk5OTk5OTk5OTk5OTptMQ")] // "v1:99999999999999999999:m1": out of range
    public void Anything_else_is_not_a_cursor(string text)
    {
        Assert.False(MessageCursor.TryDecode(text, out _));
    }
}
