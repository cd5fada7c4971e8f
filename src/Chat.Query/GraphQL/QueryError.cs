using GraphQL;

namespace Chat.Query.GraphQL;

/// <summary>An error the client caused or can act on: its message is meant for a person, its code for a program.</summary>
public sealed class QueryError : ExecutionError
{
    public QueryError(string code, string message) : base(message)
    {
        Code = code;
    }

    public static QueryError InvalidArgument(string message) => new(ErrorCodes.InvalidArgument, message);
}
