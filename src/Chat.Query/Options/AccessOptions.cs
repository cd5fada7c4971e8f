using System.ComponentModel.DataAnnotations;

namespace Chat.Query.Options;

/// <summary>
/// Who may call the API, bound from "Access": bearer tokens (JWT) from an OpenID Connect
/// authority (<see cref="Authority"/>: issuer, keys from its discovery document) or signed with
/// a local key (<see cref="SigningKey"/>, what ./chat token mints with). <see cref="Open"/>
/// runs without tokens, every caller an admin: for a demo on a private machine only.
/// </summary>
public sealed class AccessOptions : IValidatableObject
{
    public const string Section = "Access";

    /// <summary>Accept every request without a token, as an admin. Off unless set; logged as a warning at start.</summary>
    public bool Open { get; set; }

    /// <summary>An OpenID Connect authority (its issuer URL): tokens are checked against its discovery document and keys.</summary>
    public string? Authority { get; set; }

    /// <summary>Base64 of a symmetric key (at least 32 bytes) that signs tokens with HMAC-SHA256, when there is no authority.</summary>
    public string? SigningKey { get; set; }

    /// <summary>The issuer ('iss') tokens signed with <see cref="SigningKey"/> must name (with an authority: the authority's own).</summary>
    [Required]
    public string Issuer { get; set; } = "chat-local";

    /// <summary>The audience ('aud') every token must name: this service.</summary>
    [Required]
    public string Audience { get; set; } = "chat-query";

    /// <summary>The claim that holds the caller's roles (viewer, reader, operator, admin); several values or one comma-separated.</summary>
    [Required]
    public string RoleClaim { get; set; } = "role";

    /// <summary>The claim that limits a reader to some rooms (numbers; several values or one comma-separated); absent means every room.</summary>
    [Required]
    public string RoomsClaim { get; set; } = "rooms";

    /// <summary>Whether the authority's discovery document must be fetched over https (only a local test authority may turn this off).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>How much a token's expiry may be off between the issuer's clock and this server's.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The decoded <see cref="SigningKey"/>, or null.</summary>
    public byte[]? DecodeSigningKey() => SigningKey is { Length: > 0 } key ? Convert.FromBase64String(key.Trim()) : null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(SigningKey))
        {
            byte[]? key = null;
            try
            {
                key = DecodeSigningKey();
            }
            catch (FormatException)
            {
            }

            if (key is not { Length: >= 32 })
            {
                yield return new ValidationResult($"{Section}:SigningKey must be the base64 of at least 32 random bytes.", [nameof(SigningKey)]);
            }
        }

        if (!string.IsNullOrWhiteSpace(Authority) && !Uri.TryCreate(Authority, UriKind.Absolute, out _))
        {
            yield return new ValidationResult($"{Section}:Authority must be an absolute URL (the OpenID Connect issuer).", [nameof(Authority)]);
        }

        if (!Open && string.IsNullOrWhiteSpace(Authority) && string.IsNullOrWhiteSpace(SigningKey))
        {
            yield return new ValidationResult(
                $"No way to check tokens: set {Section}:Authority (an OpenID Connect issuer) or {Section}:SigningKey (./chat keeps one in .local/query-signing.key), or {Section}:Open=true to run without tokens.",
                [nameof(Authority), nameof(SigningKey)]);
        }
    }
}
