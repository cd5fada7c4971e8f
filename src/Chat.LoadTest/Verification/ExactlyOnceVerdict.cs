using System.Globalization;

namespace Chat.LoadTest.Verification;

/// <summary>
/// Whether a run lost, duplicated, misfiled or left behind anything: every distinct valid id
/// confirmed is stored exactly once (count per room and content bytes per room match, so a
/// misfiled or truncated message shows too), every invalid payload is in rejected_messages,
/// nothing is left in the queues or moved to an error queue, and every send was confirmed.
/// </summary>
public sealed record ExactlyOnceVerdict(bool Passed, IReadOnlyList<string> Failures)
{
    private const int MaxRoomsListed = 5;

    public static ExactlyOnceVerdict Judge(ExpectedOutcome expected, ObservedOutcome observed)
    {
        var failures = new List<string>();
        if (expected.Unconfirmed > 0)
        {
            failures.Add(F($"{expected.Unconfirmed:N0} sends were not confirmed by the broker (returned unroutable or nacked): {string.Join("; ", expected.UnconfirmedExamples)}"));
        }

        var want = expected.Stored.Messages;
        var have = observed.Stored.Messages;
        if (have < want)
        {
            failures.Add(F($"{want - have:N0} of {want:N0} distinct messages published are missing from messages"));
        }
        else if (have > want)
        {
            failures.Add(F($"messages holds {have - want:N0} more rows of this run than distinct ids were published (an invalid message stored, or the run id reused)"));
        }

        var misfiled = expected.Stored.Rooms.Keys.Union(observed.Stored.Rooms.Keys)
            .Where(room => expected.Stored.Rooms.GetValueOrDefault(room) != observed.Stored.Rooms.GetValueOrDefault(room))
            .ToList();
        if (misfiled.Count > 0 && have == want)
        {
            failures.Add(F($"the right number of rows, but not in the right rooms or with the right content in {misfiled.Count} room(s)"));
        }

        foreach (var room in misfiled.Take(MaxRoomsListed))
        {
            var (em, eb) = expected.Stored.Rooms.GetValueOrDefault(room);
            var (om, ob) = observed.Stored.Rooms.GetValueOrDefault(room);
            failures.Add(F($"  room {room}: expected {em:N0} messages with {eb:N0} content bytes, found {om:N0} with {ob:N0}"));
        }

        if (observed.Rejected != expected.Rejected)
        {
            failures.Add(F($"{expected.Rejected:N0} invalid messages were sent but {observed.Rejected:N0} of them are in rejected_messages"));
        }

        if (observed.QueueDepth > 0)
        {
            failures.Add(F($"{observed.QueueDepth:N0} messages are still in the queues behind chat.exchange"));
        }

        if (observed.ErrorQueueGrowth > 0)
        {
            failures.Add(F($"{observed.ErrorQueueGrowth:N0} messages were moved to an error queue during the run"));
        }

        return new ExactlyOnceVerdict(failures.Count == 0, failures);
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
