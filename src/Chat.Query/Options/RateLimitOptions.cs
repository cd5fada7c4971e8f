using System.ComponentModel.DataAnnotations;

namespace Chat.Query.Options;

/// <summary>
/// How many GraphQL requests one caller may send, bound from "RateLimit": a token bucket per
/// caller (the token's issuer and subject; without a token, the client's address). Past it,
/// 429 with Retry-After.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimit";

    /// <summary>Requests per second a caller may send on average.</summary>
    [Range(1, 10_000_000)]
    public int PermitsPerSecond { get; set; } = 50;

    /// <summary>Requests a caller may send at once after a quiet spell (the bucket's size).</summary>
    [Range(1, 10_000_000)]
    public int Burst { get; set; } = 200;
}
