using Chat.Query.Options;
using GraphQL.Execution;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Chat.Query.GraphQL;

/// <summary>
/// What an exception a resolver did not expect becomes in the response: a timeout or an
/// unreachable database in words the client can act on, anything else a generic message. The
/// details go to the log, never to the client.
/// </summary>
public static class ResolverFailures
{
    public static void Translate(UnhandledExceptionContext context)
    {
        var services = context.Context?.RequestServices ?? context.FieldContext?.RequestServices;
        var logger = services?.GetService<ILoggerFactory>()?.CreateLogger(typeof(ResolverFailures));
        var field = context.FieldContext?.FieldDefinition.Name ?? "(request)";
        switch (context.OriginalException)
        {
            case PostgresException { SqlState: PostgresErrorCodes.QueryCanceled }:
            case NpgsqlException { InnerException: TimeoutException }:
                var timeout = services?.GetService<IOptions<QueryOptions>>()?.Value.StatementTimeout;
                logger?.LogWarning("Field {Field} hit the statement timeout of {Timeout}", field, timeout);
                context.Exception = new QueryError(ErrorCodes.QueryTimeout,
                    $"'{field}' took longer than the {timeout?.TotalSeconds:0.#} s the server allows for one database statement; ask for a narrower range or a smaller page.");
                break;
            case NpgsqlException e when e is not PostgresException:
                logger?.LogError(e, "Field {Field} could not reach the database", field);
                context.Exception = new QueryError(ErrorCodes.DatabaseUnavailable,
                    $"'{field}' could not be read: the database did not answer. Try again shortly.");
                break;
            default:
                logger?.LogError(context.OriginalException, "Field {Field} failed unexpectedly", field);
                context.Exception = new QueryError(ErrorCodes.InternalError,
                    $"'{field}' could not be read because of an error on the server; it has been logged.");
                break;
        }
    }
}
