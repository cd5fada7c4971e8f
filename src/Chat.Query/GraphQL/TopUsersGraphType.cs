using Chat.Query.Reads;
using GraphQL.Types;

namespace Chat.Query.GraphQL;

public sealed class TopUsersGraphType : ObjectGraphType<TopUsers>
{
    public TopUsersGraphType()
    {
        Name = "TopUsers";
        Description = "The users with the most messages, as of the user_stats view's latest refresh.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserStatsGraphType>>>>("users")
            .Description("Most messages first; ties by user id.")
            .Resolve(context => context.Source.Users);
        this.AddFreshnessField(StatsView.UserStats);
    }
}
