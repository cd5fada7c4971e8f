using Chat.Query.Pipeline;
using GraphQL.Types;

namespace Chat.Query.GraphQL;

public sealed class PipelineServiceStateGraphType : EnumerationGraphType<PipelineServiceState>
{
    public PipelineServiceStateGraphType()
    {
        Name = "PipelineServiceState";
        Description = "What the latest check of a service found.";
    }
}
