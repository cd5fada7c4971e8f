using Chat.Query.Reads;
using GraphQL.Types;

namespace Chat.Query.GraphQL;

public sealed class ActiveUsersGraphType : ObjectGraphType<ActiveUsers>
{
    public ActiveUsersGraphType()
    {
        Name = "ActiveUsers";
        Description = "Who was active in a time window, counted exactly from the event log.";
        Field(a => a.Since).Description("Start of the window (inclusive).");
        Field(a => a.Until).Description("End of the window (exclusive).");
        Field(a => a.Users).Description("How many distinct users posted at least one message in the window.");
        Field(a => a.Messages).Description("How many messages they posted in the window.");
    }
}
