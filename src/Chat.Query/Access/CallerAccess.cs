using System.Globalization;
using System.Security.Claims;
using Chat.Query.Options;
using Microsoft.Extensions.Options;

namespace Chat.Query.Access;

/// <summary>What the caller's token grants beyond its roles: the rooms a reader may read.</summary>
public sealed class CallerAccess(IOptions<AccessOptions> options)
{
    private readonly string _roomsClaim = options.Value.RoomsClaim;

    /// <summary>
    /// An admin, or a token without the rooms claim, reads every room; otherwise only the rooms
    /// listed (a value that is not a room number grants nothing).
    /// </summary>
    public RoomScope Rooms(ClaimsPrincipal? user)
    {
        if (user is null || user.IsInRole(ChatRoles.Admin))
        {
            return RoomScope.Everything;
        }

        var claims = user.FindAll(_roomsClaim).ToList();
        if (claims.Count == 0)
        {
            return RoomScope.Everything;
        }

        var rooms = new List<int>();
        foreach (var value in claims.SelectMany(c => c.Value.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var room) && room > 0)
            {
                rooms.Add(room);
            }
        }

        return RoomScope.Only(rooms);
    }
}
