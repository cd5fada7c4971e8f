using Chat.Query.Reads;
using GraphQL.Types;

namespace Chat.Query.GraphQL;

public sealed class RoomStatsGraphType : ObjectGraphType<RoomStats>
{
    public RoomStatsGraphType()
    {
        Name = "RoomStats";
        Description = "A room's activity over the whole log (a row of the room_stats view).";
        Field(r => r.RoomId).Description("The room.");
        Field(r => r.MessageCount).Description("How many messages were posted in it.");
        Field(r => r.UniqueUsers).Description("How many distinct users posted in it.");
        Field(r => r.FirstMessageAt).Description("When its first message was sent.");
        Field(r => r.LastActivityAt).Description("When its latest message was sent.");
    }
}
