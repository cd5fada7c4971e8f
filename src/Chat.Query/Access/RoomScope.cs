using Chat.Query.GraphQL;

namespace Chat.Query.Access;

/// <summary>The rooms a caller may read: every room, or those its token lists.</summary>
public sealed class RoomScope
{
    public static readonly RoomScope Everything = new(null);

    private RoomScope(IReadOnlySet<int>? rooms) => Rooms = rooms;

    /// <summary>The allowed rooms, or null for every room.</summary>
    public IReadOnlySet<int>? Rooms { get; }

    public static RoomScope Only(IEnumerable<int> rooms) => new(rooms.ToHashSet());

    public bool Allows(int roomId) => Rooms is null || Rooms.Contains(roomId);

    /// <summary>The allowed rooms for SQL (<c>room_id = ANY($n)</c>), or null for every room.</summary>
    public int[]? AsArray() => Rooms?.Order().ToArray();

    /// <summary>Fails with ROOM_FORBIDDEN unless the room is allowed.</summary>
    public void Demand(int roomId)
    {
        if (!Allows(roomId))
        {
            throw new QueryError(ErrorCodes.RoomForbidden,
                $"Room {roomId} is not among the rooms your token grants ({Describe()}).");
        }
    }

    public string Describe() => Rooms is null ? "every room" : Rooms.Count == 0 ? "none" : string.Join(", ", Rooms.Order());
}
