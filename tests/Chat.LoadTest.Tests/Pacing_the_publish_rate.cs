using Chat.LoadTest.Publishing;

namespace Chat.LoadTest.Tests;

public sealed class Pacing_the_publish_rate
{
    [Theory]
    [InlineData(1_000)]
    [InlineData(7_500)]
    [InlineData(30_000)]
    public void Senders_reserving_chunks_hold_the_target_rate_within_half_a_percent(double rate)
    {
        var clock = new ManualClock();
        var pacer = new PublishPacer(rate, clock);
        long sent = 0;

        // Four senders take turns, each waiting out its reservation as Task.Delay would (a bit late).
        while (clock.GetElapsedTime(0) < TimeSpan.FromSeconds(10))
        {
            for (var sender = 0; sender < 4; sender++)
            {
                var wait = pacer.Reserve(pacer.ChunkSize);
                clock.Advance(wait + TimeSpan.FromTicks(37));
                sent += pacer.ChunkSize;
            }
        }

        var achieved = sent / clock.GetElapsedTime(0).TotalSeconds;
        Assert.InRange(achieved, rate * 0.995, rate * 1.005);
    }

    [Fact]
    public void After_a_stall_the_catch_up_is_at_most_the_burst()
    {
        var clock = new ManualClock();
        var pacer = new PublishPacer(10_000, clock, burst: TimeSpan.FromMilliseconds(50));
        pacer.Reserve(10);

        clock.Advance(TimeSpan.FromSeconds(2)); // nothing sent for two seconds
        var sentWithoutWaiting = 0;
        while (pacer.Reserve(10) == TimeSpan.Zero)
        {
            sentWithoutWaiting += 10;
        }

        Assert.InRange(sentWithoutWaiting, 490, 520); // 50 ms at 10,000/s, not 2 s worth
    }

    [Fact]
    public void Without_a_target_rate_nobody_waits()
    {
        var pacer = new PublishPacer(null, new ManualClock());

        Assert.All(Enumerable.Range(0, 1000), _ => Assert.Equal(TimeSpan.Zero, pacer.Reserve(256)));
    }

    [Fact]
    public void A_rate_of_zero_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PublishPacer(0, new ManualClock()));
    }

    [Fact]
    public void A_count_hands_out_each_send_number_once_and_stops_there()
    {
        var sequence = new SendSequence(1_000, null, new ManualClock());
        var taken = new List<long>();
        while (sequence.TryTake(64, out var first, out var count))
        {
            taken.AddRange(Enumerable.Range(0, count).Select(i => first + i));
        }

        Assert.Equal(Enumerable.Range(0, 1_000).Select(i => (long)i), taken);
        Assert.Equal(1_000, sequence.Taken);
    }

    [Fact]
    public void A_duration_stops_handing_out_sends_when_it_is_over()
    {
        var clock = new ManualClock();
        var sequence = new SendSequence(null, TimeSpan.FromSeconds(5), clock);

        Assert.True(sequence.TryTake(10, out _, out _));
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.False(sequence.TryTake(10, out _, out _));
    }
}
