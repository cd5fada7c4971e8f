using Chat.Query.Reads;
using GraphQL.Types;

namespace Chat.Query.GraphQL;

public sealed class TopRoomsGraphType : ObjectGraphType<TopRooms>
{
    public TopRoomsGraphType()
    {
        Name = "TopRooms";
        Description = "The top rooms by one ranking, as of the room_stats view's latest refresh.";
        Field<NonNullGraphType<RoomRankingGraphType>>("rankedBy").Description("The ranking applied.")
            .Resolve(context => context.Source.RankedBy);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RoomStatsGraphType>>>>("rooms")
            .Description("In ranking order; ties by room id.")
            .Resolve(context => context.Source.Rooms);
        this.AddFreshnessField(StatsView.RoomStats);
    }
}
