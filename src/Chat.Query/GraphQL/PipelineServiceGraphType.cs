using Chat.Query.Pipeline;
using GraphQL.Types;

namespace Chat.Query.GraphQL;

public sealed class PipelineServiceGraphType : ObjectGraphType<ServiceStatus>
{
    public PipelineServiceGraphType()
    {
        Name = "PipelineService";
        Description = "One instance of a pipeline service, as this service's latest check found it.";
        Field(s => s.Name).Description("What to call it: the service's name, numbered when several instances are configured.");
        Field<NonNullGraphType<PipelineServiceKindGraphType>>("kind").Description("Which service it is.")
            .Resolve(context => context.Source.Kind);
        Field<StringGraphType>("address").Description("The base address it is checked at; null when not configured.")
            .Resolve(context => context.Source.Address?.AbsoluteUri);
        Field<NonNullGraphType<PipelineServiceStateGraphType>>("state").Description("What the latest check found.")
            .Resolve(context => context.Source.State);
        Field(s => s.Since, nullable: true).Description(
            "When it entered this state, as far as this service has seen (its first check, if it has been so since); null before the first check.");
        Field(s => s.LastCheckedAt, nullable: true).Description("When it was last checked; null before the first check.");
        Field(s => s.LastError, nullable: true).Description("What the latest failed check found (kept after it recovers); null if no check failed.");
        Field(s => s.LastErrorAt, nullable: true).Description("When the latest failed check was made.");
    }
}
