using Chat.Query.Reads;
using GraphQL.Types;

namespace Chat.Query.GraphQL;

public sealed class UserStatsGraphType : ObjectGraphType<UserStats>
{
    public UserStatsGraphType()
    {
        Name = "UserStats";
        Description = "A user's activity over the whole log (a row of the user_stats view).";
        Field(u => u.UserId).Description("The user.");
        Field(u => u.MessageCount).Description("How many messages they posted.");
        Field(u => u.RoomsParticipated).Description("In how many rooms.");
        Field(u => u.FirstMessageAt).Description("When their first message was sent.");
        Field(u => u.LastMessageAt).Description("When their latest message was sent.");
    }
}
