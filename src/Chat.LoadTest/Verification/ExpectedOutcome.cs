using System.Text;
using Chat.LoadTest.Publishing;
using Chat.LoadTest.Traffic;

namespace Chat.LoadTest.Verification;

/// <summary>What the database and broker must show after a run, from what the broker confirmed.</summary>
/// <param name="Stored">Every distinct original id confirmed, by room: each must be stored exactly once, content intact.</param>
/// <param name="Rejected">Invalid payloads confirmed: each must be in rejected_messages.</param>
/// <param name="Unconfirmed">Sends returned as unroutable or never confirmed: a run with any of them proves nothing.</param>
public sealed record ExpectedOutcome(RoomTally Stored, long Rejected, long Unconfirmed, IReadOnlyList<string> UnconfirmedExamples)
{
    public static ExpectedOutcome From(PublishLedger ledger, LoadTraffic traffic)
    {
        var stored = new RoomTally();
        foreach (var index in ledger.PublishedOriginals())
        {
            var original = traffic.Original(index);
            stored.Add(original.RoomId, 1, Encoding.UTF8.GetByteCount(original.Content));
        }

        return new ExpectedOutcome(stored, ledger.ConfirmedInvalid, ledger.Returned + ledger.Failed, ledger.FailureExamples);
    }
}
