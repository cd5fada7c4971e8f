using System.Collections.Concurrent;
using System.Security.Cryptography;
using Chat.LoadTest.Traffic;

namespace Chat.LoadTest.Publishing;

/// <summary>
/// What the broker confirmed, kept exactly: which originals' ids reached it (a bit per original,
/// in lazily allocated pages, so a 15-minute run needs no up-front size), the sha256 of every
/// invalid payload, and counts of every outcome. Safe for concurrent senders.
/// </summary>
public sealed class PublishLedger
{
    private const int PageBits = 1 << 16;
    private const int MaxPages = 1 << 15; // 2^31 sends

    private readonly ulong[]?[] _pages = new ulong[MaxPages][];
    private readonly ConcurrentQueue<byte[]> _invalidHashes = new();
    private readonly ConcurrentQueue<string> _failures = new();
    private long _confirmed;
    private long _originals;
    private long _duplicates;
    private long _invalid;
    private long _returned;
    private long _failed;

    public long Confirmed => Interlocked.Read(ref _confirmed);

    public long ConfirmedOriginals => Interlocked.Read(ref _originals);

    public long ConfirmedDuplicates => Interlocked.Read(ref _duplicates);

    public long ConfirmedInvalid => Interlocked.Read(ref _invalid);

    /// <summary>Returned by the broker as unroutable: no queue was bound for their key.</summary>
    public long Returned => Interlocked.Read(ref _returned);

    /// <summary>Never confirmed (nacked, or the channel failed), after the retries.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>A few words about the first failures, for the run's verdict.</summary>
    public IReadOnlyList<string> FailureExamples => [.. _failures.Take(5)];

    public IReadOnlyCollection<byte[]> InvalidPayloadHashes => _invalidHashes;

    public void RecordConfirmed(OutgoingMessage message)
    {
        Interlocked.Increment(ref _confirmed);
        switch (message.Kind)
        {
            case MessageKind.Invalid:
                _invalidHashes.Enqueue(SHA256.HashData(message.Body));
                Interlocked.Increment(ref _invalid);
                return;
            case MessageKind.Duplicate:
                Interlocked.Increment(ref _duplicates);
                break;
            default:
                Interlocked.Increment(ref _originals);
                break;
        }

        MarkPublished(message.OriginalIndex);
    }

    public void RecordReturned(OutgoingMessage message)
    {
        Interlocked.Increment(ref _returned);
        Note($"send {message.Sequence} to {message.RoutingKey} was returned unroutable (no queue bound)");
    }

    public void RecordFailed(OutgoingMessage message, string reason)
    {
        Interlocked.Increment(ref _failed);
        Note($"send {message.Sequence} was never confirmed: {reason}");
    }

    /// <summary>The originals whose ids reached the broker at least once, in index order.</summary>
    public IEnumerable<long> PublishedOriginals()
    {
        for (var p = 0; p < MaxPages; p++)
        {
            if (_pages[p] is not { } page)
            {
                continue;
            }

            for (var word = 0; word < page.Length; word++)
            {
                var bits = page[word];
                while (bits != 0)
                {
                    var bit = System.Numerics.BitOperations.TrailingZeroCount(bits);
                    yield return (long)p * PageBits + word * 64 + bit;
                    bits &= bits - 1;
                }
            }
        }
    }

    private void MarkPublished(long index)
    {
        var pageIndex = index / PageBits;
        var page = _pages[pageIndex] ?? Interlocked.CompareExchange(ref _pages[pageIndex], new ulong[PageBits / 64], null) ?? _pages[pageIndex]!;
        var bit = index % PageBits;
        Interlocked.Or(ref page[bit / 64], 1UL << (int)(bit % 64));
    }

    private void Note(string failure)
    {
        if (_failures.Count < 20)
        {
            _failures.Enqueue(failure);
        }
    }
}
