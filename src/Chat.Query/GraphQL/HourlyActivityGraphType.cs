using Chat.Query.Reads;
using GraphQL.Types;

namespace Chat.Query.GraphQL;

public sealed class HourlyActivityGraphType : ObjectGraphType<HourlyActivity>
{
    public HourlyActivityGraphType()
    {
        Name = "HourlyActivity";
        Description = "One UTC hour of traffic (a row of the hourly_stats view).";
        Field(h => h.Hour).Description("Start of the hour (UTC).");
        Field(h => h.MessageCount).Description("Messages sent in the hour.");
        Field(h => h.UniqueUsers).Description("Distinct users who posted in the hour.");
        Field(h => h.ActiveRooms).Description("Distinct rooms with messages in the hour.");
    }
}
