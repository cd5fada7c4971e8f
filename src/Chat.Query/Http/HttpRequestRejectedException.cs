namespace Chat.Query.Http;

/// <summary>Why an HTTP request is not a GraphQL request this endpoint runs, with the status it earns.</summary>
public sealed class HttpRequestRejectedException(int statusCode, string code, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public string Code { get; } = code;

    /// <summary>For 405: the methods that would have been allowed.</summary>
    public string? Allow { get; init; }

    /// <summary>For 401: the authentication scheme and why the credentials were refused.</summary>
    public string? WwwAuthenticate { get; init; }
}
