using Chat.LoadTest.Verification;

namespace Chat.LoadTest.Tests;

public sealed class Judging_exactly_once
{
    private static RoomTally Rooms(params (int Room, long Messages, long Bytes)[] rooms)
    {
        var tally = new RoomTally();
        foreach (var (room, messages, bytes) in rooms)
        {
            tally.Add(room, messages, bytes);
        }

        return tally;
    }

    private static readonly ExpectedOutcome Expected = new(Rooms((1, 600, 60_000), (2, 400, 40_000)), Rejected: 7, Unconfirmed: 0, []);

    private static readonly ObservedOutcome AllThere = new(Rooms((1, 600, 60_000), (2, 400, 40_000)), Rejected: 7, QueueDepth: 0, ErrorQueueGrowth: 0);

    [Fact]
    public void Every_message_stored_once_every_invalid_rejected_and_nothing_left_passes()
    {
        var verdict = ExactlyOnceVerdict.Judge(Expected, AllThere);

        Assert.True(verdict.Passed);
        Assert.Empty(verdict.Failures);
    }

    [Fact]
    public void A_missing_message_fails_and_says_how_many_and_where()
    {
        var verdict = ExactlyOnceVerdict.Judge(Expected, AllThere with { Stored = Rooms((1, 599, 59_900), (2, 400, 40_000)) });

        Assert.False(verdict.Passed);
        Assert.Contains(verdict.Failures, f => f.Contains("1 of 1,000 distinct messages published are missing", StringComparison.Ordinal));
        Assert.Contains(verdict.Failures, f => f.Contains("room 1: expected 600 messages with 60,000 content bytes, found 599 with 59,900", StringComparison.Ordinal));
    }

    [Fact]
    public void More_rows_than_distinct_ids_published_fails()
    {
        var verdict = ExactlyOnceVerdict.Judge(Expected, AllThere with { Stored = Rooms((1, 601, 60_040), (2, 400, 40_000)) });

        Assert.False(verdict.Passed);
        Assert.Contains(verdict.Failures, f => f.Contains("1 more rows", StringComparison.Ordinal));
    }

    [Fact]
    public void The_right_count_in_the_wrong_room_fails()
    {
        var misfiled = Rooms((1, 599, 59_900), (2, 400, 40_000), (3, 1, 100));

        var verdict = ExactlyOnceVerdict.Judge(Expected, AllThere with { Stored = misfiled });

        Assert.False(verdict.Passed);
        Assert.Contains(verdict.Failures, f => f.Contains("not in the right rooms", StringComparison.Ordinal));
        Assert.Contains(verdict.Failures, f => f.Contains("room 3: expected 0 messages", StringComparison.Ordinal));
    }

    [Fact]
    public void Altered_content_with_the_right_counts_fails()
    {
        var verdict = ExactlyOnceVerdict.Judge(Expected, AllThere with { Stored = Rooms((1, 600, 59_999), (2, 400, 40_000)) });

        Assert.False(verdict.Passed);
    }

    [Theory]
    [InlineData(6)]
    [InlineData(8)]
    public void A_rejected_count_other_than_the_invalid_sent_fails(long rejected)
    {
        var verdict = ExactlyOnceVerdict.Judge(Expected, AllThere with { Rejected = rejected });

        Assert.False(verdict.Passed);
        Assert.Contains(verdict.Failures, f => f.Contains($"7 invalid messages were sent but {rejected} of them", StringComparison.Ordinal));
    }

    [Fact]
    public void Messages_left_in_the_queue_fail()
    {
        Assert.False(ExactlyOnceVerdict.Judge(Expected, AllThere with { QueueDepth = 3 }).Passed);
    }

    [Fact]
    public void Messages_moved_to_an_error_queue_fail()
    {
        Assert.False(ExactlyOnceVerdict.Judge(Expected, AllThere with { ErrorQueueGrowth = 1 }).Passed);
    }

    [Fact]
    public void A_send_the_broker_never_confirmed_fails_even_when_the_rest_adds_up()
    {
        var verdict = ExactlyOnceVerdict.Judge(Expected with { Unconfirmed = 2, UnconfirmedExamples = ["send 5 was returned"] }, AllThere);

        Assert.False(verdict.Passed);
        Assert.Contains(verdict.Failures, f => f.Contains("send 5 was returned", StringComparison.Ordinal));
    }
}
