using System.Security.Claims;

namespace Chat.Query.Access;

/// <summary>The caller every request without a token is taken for when Access:Open is on: an admin.</summary>
public static class OpenAccess
{
    public const string AuthenticationType = "open-access";

    public static ClaimsPrincipal Admin(string roleClaim) => new(new ClaimsIdentity(
        [new Claim("sub", "anonymous"), new Claim(roleClaim, ChatRoles.Admin)], AuthenticationType, "sub", roleClaim));
}
