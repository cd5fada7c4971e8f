using Chat.Query.Reads;
using GraphQL.Types;

namespace Chat.Query.GraphQL;

public sealed class FreshnessStateGraphType : EnumerationGraphType<FreshnessState>
{
    public FreshnessStateGraphType()
    {
        Name = "FreshnessState";
        Description = "Whether a view's figures are recent enough to trust.";
    }
}
