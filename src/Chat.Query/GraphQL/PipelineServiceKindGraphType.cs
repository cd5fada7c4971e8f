using Chat.Query.Pipeline;
using GraphQL.Types;

namespace Chat.Query.GraphQL;

public sealed class PipelineServiceKindGraphType : EnumerationGraphType<PipelineServiceKind>
{
    public PipelineServiceKindGraphType()
    {
        Name = "PipelineServiceKind";
        Description = "The services of the write path.";
    }
}
