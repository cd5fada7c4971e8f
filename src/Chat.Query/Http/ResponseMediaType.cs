using Microsoft.Net.Http.Headers;

namespace Chat.Query.Http;

/// <summary>What the client accepts, decided from its Accept header (GraphQL-over-HTTP, "Accept").</summary>
public enum ResponseMediaType
{
    /// <summary>application/graphql-response+json: request errors get 4xx status codes.</summary>
    GraphQLResponseJson,

    /// <summary>application/json: every well-formed request gets 200 (the legacy media type).</summary>
    Json,

    /// <summary>text/html: a browser, which gets the explorer (GET only).</summary>
    Html,
}

public static class ResponseMediaTypes
{
    public const string GraphQLResponseJson = "application/graphql-response+json";
    public const string Json = "application/json";

    public static string ContentType(this ResponseMediaType type) => type switch
    {
        ResponseMediaType.GraphQLResponseJson => GraphQLResponseJson + "; charset=utf-8",
        _ => Json + "; charset=utf-8",
    };

    /// <summary>
    /// The best media type the client accepts, in the order of its q-values (ties: the order it
    /// listed them). No Accept header means application/json, as the specification says; null
    /// means nothing acceptable (406).
    /// </summary>
    public static ResponseMediaType? Negotiate(IList<MediaTypeHeaderValue> accept, bool allowHtml)
    {
        if (accept.Count == 0)
        {
            return ResponseMediaType.Json;
        }

        foreach (var range in accept
                     .Select((value, index) => (value, index))
                     .OrderByDescending(a => a.value.Quality ?? 1)
                     .ThenBy(a => a.index)
                     .Select(a => a.value))
        {
            if (range.Quality is <= 0)
            {
                continue;
            }

            var type = range.MediaType.Value?.ToLowerInvariant();
            switch (type)
            {
                case GraphQLResponseJson:
                    return ResponseMediaType.GraphQLResponseJson;
                case Json or "application/*" or "*/*":
                    return ResponseMediaType.Json;
                case "text/html" when allowHtml:
                    return ResponseMediaType.Html;
            }
        }

        return null;
    }
}
