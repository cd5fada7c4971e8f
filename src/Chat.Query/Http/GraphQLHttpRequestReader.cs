using System.Buffers;
using System.Text.Json;
using Chat.Query.GraphQL;
using Chat.Query.Options;
using GraphQL;
using GraphQL.Transport;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Chat.Query.Http;

/// <summary>
/// Reads a GraphQL request from HTTP as the GraphQL-over-HTTP specification says: a JSON body
/// for POST, URL parameters for GET. Anything else is rejected with the status it earns.
/// </summary>
public sealed class GraphQLHttpRequestReader(IGraphQLTextSerializer serializer, IOptions<QueryOptions> options)
{
    public async Task<GraphQLRequest> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var graphQLRequest = HttpMethods.IsGet(request.Method) ? FromQueryString(request) : await FromBodyAsync(request, cancellationToken);
        if (string.IsNullOrWhiteSpace(graphQLRequest.Query))
        {
            throw BadRequest("The request has no 'query': send the GraphQL document in 'query'.");
        }

        return graphQLRequest;
    }

    private GraphQLRequest FromQueryString(HttpRequest request)
    {
        var query = request.Query;
        return new GraphQLRequest
        {
            Query = query["query"].ToString(),
            OperationName = query["operationName"].ToString() is { Length: > 0 } name ? name : null,
            Variables = ParseJsonParameter<Inputs>(query["variables"].ToString(), "variables"),
            Extensions = ParseJsonParameter<Inputs>(query["extensions"].ToString(), "extensions"),
        };
    }

    private T? ParseJsonParameter<T>(string text, string name)
    {
        if (string.IsNullOrEmpty(text))
        {
            return default;
        }

        try
        {
            return serializer.Deserialize<T>(text);
        }
        catch (JsonException e)
        {
            throw BadRequest($"The '{name}' parameter is not a JSON object: {e.Message}");
        }
    }

    private async Task<GraphQLRequest> FromBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !string.Equals(contentType.MediaType.Value, ResponseMediaTypes.Json, StringComparison.OrdinalIgnoreCase)
            || contentType.Charset.HasValue && !string.Equals(contentType.Charset.Value, "utf-8", StringComparison.OrdinalIgnoreCase))
        {
            throw new HttpRequestRejectedException(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.BadRequest,
                $"POST bodies must be '{ResponseMediaTypes.Json}' (UTF-8); this one was '{request.ContentType ?? "(none)"}'.");
        }

        var body = await ReadBodyAsync(request, cancellationToken);
        var first = body.AsSpan().TrimStart(" \t\r\n"u8);
        if (first.Length > 0 && first[0] == (byte)'[')
        {
            throw BadRequest("Batched requests (a JSON array) are not supported: send one request object per POST.");
        }

        try
        {
            return serializer.Deserialize<GraphQLRequest>(System.Text.Encoding.UTF8.GetString(body))
                ?? throw BadRequest("The request body is empty: send a JSON object with a 'query'.");
        }
        catch (JsonException e)
        {
            throw BadRequest($"The request body is not a valid GraphQL request object: {e.Message}");
        }
    }

    private async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxRequestBodyBytes;
        if (request.ContentLength > limit)
        {
            throw TooLarge(limit);
        }

        // Read at most limit + 1 bytes: a body without Content-Length (chunked) is cut off at the limit too.
        using var body = new MemoryStream();
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (body.Length + read > limit)
                {
                    throw TooLarge(limit);
                }

                body.Write(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return body.ToArray();
    }

    private static HttpRequestRejectedException BadRequest(string message) =>
        new(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, message);

    private static HttpRequestRejectedException TooLarge(int limit) =>
        new(StatusCodes.Status413PayloadTooLarge, ErrorCodes.RequestTooLarge,
            $"The request body is larger than the {limit:N0} bytes this server accepts.");
}
