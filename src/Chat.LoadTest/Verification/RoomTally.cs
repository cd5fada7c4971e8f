namespace Chat.LoadTest.Verification;

/// <summary>Messages and content bytes per room: what a run should have stored, or what it did.</summary>
public sealed class RoomTally
{
    private readonly SortedDictionary<int, (long Messages, long ContentBytes)> _rooms = [];

    public IReadOnlyDictionary<int, (long Messages, long ContentBytes)> Rooms => _rooms;

    public long Messages => _rooms.Values.Sum(r => r.Messages);

    public long ContentBytes => _rooms.Values.Sum(r => r.ContentBytes);

    public RoomTally Add(int room, long messages, long contentBytes)
    {
        var (m, b) = _rooms.GetValueOrDefault(room);
        _rooms[room] = (m + messages, b + contentBytes);
        return this;
    }
}
