using Chat.Query.Options;
using Chat.Query.Pipeline;

namespace Chat.Query.Extensions;

public static class PipelineExtensions
{
    /// <summary>The pipeline monitor behind the GraphQL 'pipeline' field, and the background sampler that feeds it (Pipeline:* settings).</summary>
    public static WebApplicationBuilder AddChatPipeline(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PipelineOptions>().BindConfiguration(PipelineOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ServiceProbe>();
        builder.Services.AddSingleton<PipelineMonitor>();
        builder.Services.AddHostedService<PipelineSampler>();
        return builder;
    }
}
