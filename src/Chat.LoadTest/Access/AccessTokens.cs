using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Chat.LoadTest.Access;

/// <summary>
/// Mints the bearer tokens Chat.Query accepts when it checks them with a local signing key
/// (Access:SigningKey): HMAC-SHA256, issuer chat-local, audience chat-query, the roles in
/// 'role' and the rooms (if limited) in 'rooms'. An OpenID Connect authority mints its own.
/// </summary>
public static class AccessTokens
{
    public const string DefaultIssuer = "chat-local";
    public const string DefaultAudience = "chat-query";

    /// <summary>A new random signing key, base64 (what Access:SigningKey takes).</summary>
    public static string NewSigningKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));

    public static string Mint(string signingKey, IReadOnlyCollection<string> roles, IReadOnlyCollection<int>? rooms, TimeSpan lifetime,
        string subject = "chat-token", string issuer = DefaultIssuer, string audience = DefaultAudience, DateTimeOffset? now = null)
    {
        var issuedAt = (now ?? DateTimeOffset.UtcNow).UtcDateTime;
        var claims = new Dictionary<string, object> { ["sub"] = subject, ["role"] = roles.ToArray() };
        if (rooms is not null)
        {
            claims["rooms"] = rooms.ToArray();
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = issuedAt + lifetime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(signingKey.Trim())), SecurityAlgorithms.HmacSha256),
        });
    }
}
