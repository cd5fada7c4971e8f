using Chat.LoadTest.Seeding;

namespace Chat.LoadTest.Tests;

public sealed class Synthetic_traffic
{
    private static readonly SeedSettings Settings = new()
    {
        Messages = 10_000,
        Rooms = 20,
        Users = 1_000,
        Days = 30,
        End = new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.Zero),
        RunId = "t",
    };

    private static readonly SyntheticMessage[] Messages =
        [.. Enumerable.Range(0, (int)Settings.Messages).Select(i => new SyntheticTraffic(Settings).Create(i))];

    [Fact]
    public void Is_the_same_for_the_same_settings()
    {
        var again = new SyntheticTraffic(Settings);

        Assert.Equal(Messages[1234], again.Create(1234));
    }

    [Fact]
    public void Gives_every_message_its_own_id_with_the_run_id()
    {
        Assert.Equal(Messages.Length, Messages.Select(m => m.MessageId).Distinct().Count());
        Assert.All(Messages, m => Assert.StartsWith("t-", m.MessageId));
    }

    [Fact]
    public void Stays_within_the_rooms_users_and_content_lengths_asked_for()
    {
        Assert.All(Messages, m =>
        {
            Assert.InRange(m.RoomId, 1, Settings.Rooms);
            Assert.InRange(int.Parse(m.UserId), 1, Settings.Users);
            Assert.InRange(m.Content.Length, Settings.MinContentLength, Settings.MaxContentLength);
            Assert.False(char.IsWhiteSpace(m.Content[^1]));
        });
    }

    [Fact]
    public void Spreads_timestamps_over_the_period_in_rising_order()
    {
        Assert.InRange(Messages[0].Timestamp, Settings.End.AddDays(-Settings.Days), Settings.End.AddDays(-Settings.Days).AddMinutes(5));
        Assert.InRange(Messages[^1].Timestamp, Settings.End.AddHours(-1), Settings.End);
        Assert.True(Messages.Zip(Messages.Skip(1)).Count(p => p.Second.Timestamp < p.First.Timestamp) < Messages.Length / 100);
        Assert.All(Messages, m => Assert.True(m.CreatedAt > m.Timestamp));
    }

    [Fact]
    public void Is_skewed_towards_busy_rooms_and_users_like_real_chat()
    {
        var busiestRoom = Messages.GroupBy(m => m.RoomId).Max(g => g.Count());
        var quietestRoom = Messages.GroupBy(m => m.RoomId).Min(g => g.Count());

        Assert.True(busiestRoom > 2 * quietestRoom, $"busiest {busiestRoom}, quietest {quietestRoom}");
        Assert.Contains(Messages, m => m.MessageType == "JOIN");
        Assert.Contains(Messages, m => m.MessageType == "LEAVE");
    }
}
