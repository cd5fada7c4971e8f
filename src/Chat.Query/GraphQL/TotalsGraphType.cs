using Chat.Query.Reads;
using GraphQL.Types;

namespace Chat.Query.GraphQL;

public sealed class TotalsGraphType : ObjectGraphType<Totals>
{
    public TotalsGraphType()
    {
        Name = "Totals";
        Description = "The whole log in a few numbers, as of the room_stats and user_stats views' latest refreshes.";
        Field(t => t.Messages).Description("Messages stored.");
        Field(t => t.Rooms).Description("Rooms with at least one message.");
        Field(t => t.Users).Description("Users with at least one message.");
        Field(t => t.FirstMessageAt, nullable: true).Description("When the oldest message was sent; null when there is none.");
        Field(t => t.LastMessageAt, nullable: true).Description("When the newest message was sent; null when there is none.");
        this.AddFreshnessField(StatsView.RoomStats, StatsView.UserStats);
    }
}
