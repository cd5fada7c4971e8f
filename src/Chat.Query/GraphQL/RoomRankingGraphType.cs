using Chat.Query.Reads;
using GraphQL.Types;

namespace Chat.Query.GraphQL;

public sealed class RoomRankingGraphType : EnumerationGraphType<RoomRanking>
{
    public RoomRankingGraphType()
    {
        Name = "RoomRanking";
        Description = "How to rank rooms.";
    }
}
