using System.Text.Encodings.Web;
using GraphQL.Validation.Complexity;
using Chat.Query.Access;
using Chat.Query.GraphQL;
using Chat.Query.Http;
using Chat.Query.Options;
using GraphQL;
using Microsoft.Extensions.Options;

namespace Chat.Query.Extensions;

public static class GraphQLExtensions
{
    /// <summary>The schema, its limits (depth, complexity) and error policy, and the /graphql endpoint's parts.</summary>
    public static WebApplicationBuilder AddChatGraphQL(this WebApplicationBuilder builder)
    {
        builder.Services.AddGraphQL(graphQL => graphQL
            .AddSchema<ChatSchema>()
            .AddGraphTypes(typeof(ChatSchema).Assembly)
            .AddClrTypeMappings()
            // Responses are JSON, never HTML: no need to escape quotes, + and non-ASCII text.
            .AddSystemTextJson(json => json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            .AddComplexityAnalyzer((complexity, services) =>
            {
                var options = services.GetRequiredService<IOptions<QueryOptions>>().Value;
                complexity.MaxDepth = options.MaxDepth;
                complexity.MaxComplexity = options.MaxComplexity;
                // A field that runs a statement costs Query:DatabaseFieldCost (its page size still
                // multiplies what it selects). Introspection is answered from memory: it counts
                // at a fraction of its cost, so the explorer's own schema query (hundreds of
                // nested list fields) fits and a document of thousands of them does not.
                var standard = complexity.DefaultComplexityImpactDelegate;
                complexity.DefaultComplexityImpactDelegate = field =>
                {
                    var result = standard(field);
                    if (field.FieldDefinition.Name.StartsWith("__", StringComparison.Ordinal)
                        || field.ParentType.Name.StartsWith("__", StringComparison.Ordinal))
                    {
                        return new FieldComplexityResult(result.FieldImpact * options.IntrospectionCost, result.ChildImpactMultiplier);
                    }

                    return field.FieldDefinition.IsDatabaseField()
                        ? new FieldComplexityResult(options.DatabaseFieldCost, result.ChildImpactMultiplier)
                        : result;
                };
            })
            .AddValidationRule<RoleAuthorizationRule>()
            .AddErrorInfoProvider(errors =>
            {
                // Codes, yes; exception type names and stack traces, never.
                errors.ExposeCode = true;
                errors.ExposeCodes = false;
                errors.ExposeData = false;
                errors.ExposeExceptionDetails = false;
            })
            .AddUnhandledExceptionHandler(ResolverFailures.Translate));

        builder.Services.AddSingleton<GraphQLHttpRequestReader>();
        builder.Services.AddKeyedSingleton(BundledPage.Explorer,
            (services, _) => new BundledPage(services.GetRequiredService<IWebHostEnvironment>(), BundledPage.Explorer));
        builder.Services.AddScoped<GraphQLHttpEndpoint>();
        return builder;
    }

    /// <summary>/graphql (GET and POST, and the explorer for browsers) and the bundled pages' static files.</summary>
    public static WebApplication MapChatGraphQL(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            // The bundles' assets have a content hash in their names: a changed file is a new name.
            OnPrepareResponse = file =>
            {
                if (file.Context.Request.Path.Value?.Contains("/assets/", StringComparison.Ordinal) == true)
                {
                    file.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                }
            },
        });
        app.Map("/graphql", (HttpContext context, GraphQLHttpEndpoint endpoint) => endpoint.HandleAsync(context))
            .RequireRateLimiting(AccessExtensions.GraphQLRateLimit);
        return app;
    }
}
