using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Query.GraphQL;

public sealed class ChatSchema : Schema
{
    public ChatSchema(IServiceProvider services) : base(services)
    {
        Description = "The chat platform's read side: history, analytics and the pipeline's health. Read only.";
        Query = services.GetRequiredService<AutoRegisteringObjectGraphType<ChatQuery>>();
        RegisterTypeMapping(typeof(AnalyticsQuery), typeof(AutoRegisteringObjectGraphType<AnalyticsQuery>));
        RegisterTypeMapping(typeof(PipelineQuery), typeof(AutoRegisteringObjectGraphType<PipelineQuery>));
        RegisterTypeMapping(typeof(long), typeof(CountGraphType));
    }
}
