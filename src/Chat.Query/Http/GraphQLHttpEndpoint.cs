using System.Diagnostics;
using Chat.Query.GraphQL;
using GraphQL;
using GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using Serilog;

namespace Chat.Query.Http;

/// <summary>
/// /graphql as the GraphQL-over-HTTP specification describes it: POST with a JSON body, GET
/// with URL parameters (queries only), content negotiation between
/// application/graphql-response+json and application/json, and the status codes each implies.
/// A browser's GET gets the explorer instead.
/// </summary>
public sealed class GraphQLHttpEndpoint(
    IDocumentExecuter<ISchema> executer,
    IGraphQLTextSerializer serializer,
    GraphQLHttpRequestReader requestReader,
    [FromKeyedServices(BundledPage.Explorer)] BundledPage explorer,
    IDiagnosticContext diagnostics)
{
    public async Task HandleAsync(HttpContext context)
    {
        var isGet = HttpMethods.IsGet(context.Request.Method);
        var mediaType = ResponseMediaTypes.Negotiate(context.Request.GetTypedHeaders().Accept, allowHtml: isGet);
        if (mediaType == ResponseMediaType.Html)
        {
            await explorer.WriteAsync(context);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var (operation, outcome) = (GraphQLRequestMetrics.InvalidOperation, RequestOutcome.Rejected);
        try
        {
            if (!isGet && !HttpMethods.IsPost(context.Request.Method))
            {
                throw new HttpRequestRejectedException(StatusCodes.Status405MethodNotAllowed, ErrorCodes.BadRequest,
                    "/graphql takes GET (queries) and POST.") { Allow = "GET, POST" };
            }

            if (mediaType is null)
            {
                throw new HttpRequestRejectedException(StatusCodes.Status406NotAcceptable, ErrorCodes.BadRequest,
                    $"This endpoint answers with '{ResponseMediaTypes.GraphQLResponseJson}' or '{ResponseMediaTypes.Json}'; the Accept header allows neither.");
            }

            if (context.User.Identity?.IsAuthenticated != true)
            {
                throw await UnauthenticatedAsync(context);
            }

            var request = await requestReader.ReadAsync(context.Request, context.RequestAborted);
            GraphQLDocument? document = null;
            if (isGet)
            {
                // GET may only query: the operation's type must be known before it runs.
                document = TryParse(request.Query!);
                if (SelectOperation(document, request.OperationName) is { Operation: not OperationType.Query } operationOverGet)
                {
                    throw new HttpRequestRejectedException(StatusCodes.Status405MethodNotAllowed, ErrorCodes.BadRequest,
                        $"A {operationOverGet.Operation.ToString().ToLowerInvariant()} cannot be sent with GET; use POST.") { Allow = "POST" };
                }
            }

            var result = await executer.ExecuteAsync(new ExecutionOptions
            {
                Query = request.Query,
                Document = document,
                OperationName = request.OperationName,
                Variables = request.Variables,
                Extensions = request.Extensions,
                RequestServices = context.RequestServices,
                User = context.User,
                CancellationToken = context.RequestAborted,
            });

            // Executed: the request passed parsing and validation (including the depth and
            // complexity limits), so its data entry is present, possibly with field errors.
            if (result is { Executed: true, Operation: { } executed })
            {
                operation = RootFields(executed);
                outcome = result.Errors is { Count: > 0 } ? RequestOutcome.Error : RequestOutcome.Ok;
            }

            var status = result.Executed || mediaType == ResponseMediaType.Json ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
            await WriteAsync(context, status, mediaType.Value, result);
        }
        catch (HttpRequestRejectedException rejection)
        {
            if (rejection.Allow is { } allow)
            {
                context.Response.Headers.Allow = allow;
            }

            if (rejection.WwwAuthenticate is { } challenge)
            {
                context.Response.Headers.WWWAuthenticate = challenge;
            }

            await WriteAsync(context, rejection.StatusCode, mediaType ?? ResponseMediaType.Json,
                new ExecutionResult { Errors = [new QueryError(rejection.Code, rejection.Message)] });
        }
        finally
        {
            GraphQLRequestMetrics.Record(operation, outcome, Stopwatch.GetElapsedTime(started));
            diagnostics.Set("GraphQLOperation", operation);
            diagnostics.Set("GraphQLOutcome", outcome.Label());
        }
    }

    private Task WriteAsync(HttpContext context, int status, ResponseMediaType mediaType, ExecutionResult result)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = mediaType.ContentType();
        return serializer.WriteAsync(context.Response.Body, result, context.RequestAborted);
    }

    // The bearer handler already tried the token (UseAuthentication) and keeps its result for the
    // request; its failure says why.
    private static async Task<HttpRequestRejectedException> UnauthenticatedAsync(HttpContext context)
    {
        var failure = (await context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme)).Failure;
        var (reason, description) = failure switch
        {
            null => ("no bearer token was sent", null),
            SecurityTokenExpiredException => ("the bearer token has expired", "The token expired"),
            SecurityTokenInvalidAudienceException => ("the bearer token is meant for another service (its audience)", "The audience is invalid"),
            SecurityTokenInvalidIssuerException => ("the bearer token comes from an issuer this service does not trust", "The issuer is invalid"),
            SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => ("the bearer token's signature does not verify", "The signature is invalid"),
            _ => ("the bearer token is not valid", "The token is invalid"),
        };
        return new HttpRequestRejectedException(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthenticated,
            $"Authentication required: {reason}. Send 'Authorization: Bearer <token>' (./chat token mints one here).")
        {
            WwwAuthenticate = description is null ? "Bearer" : $"Bearer error=\"invalid_token\", error_description=\"{description}\"",
        };
    }

    // A document that does not parse is left to the executer, which reports the syntax error in
    // the standard shape.
    private static GraphQLDocument? TryParse(string query)
    {
        try
        {
            return Parser.Parse(query);
        }
        catch (GraphQLSyntaxErrorException)
        {
            return null;
        }
    }

    private static GraphQLOperationDefinition? SelectOperation(GraphQLDocument? document, string? operationName)
    {
        var operations = document?.Definitions.OfType<GraphQLOperationDefinition>().ToList() ?? [];
        return operationName is null
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(o => o.Name?.Value == operationName);
    }

    private static string RootFields(GraphQLOperationDefinition operation)
    {
        var fields = operation.SelectionSet.Selections
            .Select(s => s is GraphQLField field ? field.Name.StringValue : "fragment")
            .Distinct()
            .Order(StringComparer.Ordinal);
        return string.Join(',', fields);
    }
}
