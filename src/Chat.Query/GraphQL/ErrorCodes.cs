namespace Chat.Query.GraphQL;

/// <summary>
/// The codes in <c>errors[].extensions.code</c> that clients can act on. GraphQL.NET's own
/// request errors keep their codes: SYNTAX_ERROR, the validation rules' (e.g.
/// FIELDS_ON_CORRECT_TYPE), and COMPLEXITY when a query is too deep or too costly.
/// </summary>
public static class ErrorCodes
{
    /// <summary>An argument is out of range or inconsistent with another (e.g. until before since).</summary>
    public const string InvalidArgument = "INVALID_ARGUMENT";

    /// <summary>A pagination cursor that this service did not issue.</summary>
    public const string InvalidCursor = "INVALID_CURSOR";

    /// <summary><c>first</c> (or a top list's size) above the server's cap.</summary>
    public const string PageSizeLimit = "PAGE_SIZE_LIMIT";

    /// <summary>A room that has no messages at all.</summary>
    public const string UnknownRoom = "UNKNOWN_ROOM";

    /// <summary>A time window wider than the server allows for that question.</summary>
    public const string WindowTooWide = "WINDOW_TOO_WIDE";

    /// <summary>A database statement ran longer than the statement timeout and was cancelled.</summary>
    public const string QueryTimeout = "QUERY_TIMEOUT";

    /// <summary>The database could not be reached.</summary>
    public const string DatabaseUnavailable = "DATABASE_UNAVAILABLE";

    /// <summary>Anything else; the details are in the service's log, never in the response.</summary>
    public const string InternalError = "INTERNAL_ERROR";

    /// <summary>No valid bearer token (HTTP 401): none sent, expired, for another audience, or not signed by a trusted issuer.</summary>
    public const string Unauthenticated = "UNAUTHENTICATED";

    /// <summary>A field or type the caller's role may not select (the document is refused before it runs).</summary>
    public const string Forbidden = "FORBIDDEN";

    /// <summary>A room the caller's token does not grant.</summary>
    public const string RoomForbidden = "ROOM_FORBIDDEN";

    /// <summary>Too many requests from this caller in the rate limit's window (HTTP 429, with Retry-After).</summary>
    public const string RateLimited = "RATE_LIMITED";

    /// <summary>The HTTP request is not a GraphQL request this endpoint accepts.</summary>
    public const string BadRequest = "BAD_REQUEST";

    /// <summary>The request body is larger than the server accepts.</summary>
    public const string RequestTooLarge = "REQUEST_TOO_LARGE";
}
