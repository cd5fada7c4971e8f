using Chat.Query.Access;
using Chat.Query.Options;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Chat.Query.Extensions;

public static class AccessExtensions
{
    /// <summary>The ASP.NET Core policy of the service's internals (/metrics, /health/ready's details): operators and admins.</summary>
    public const string OperatorsPolicy = "operators";

    /// <summary>Bearer tokens (Access:*), the roles' policies, and what a caller's token grants.</summary>
    public static WebApplicationBuilder AddChatAccess(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AccessOptions>().BindConfiguration(AccessOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<CallerAccess>();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AccessOptions>>((jwt, access) => ConfigureBearer(jwt, access.Value));
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(OperatorsPolicy, policy => policy.RequireRole(ChatRoles.Operator, ChatRoles.Admin));
        return builder;
    }

    /// <summary>Authentication, then (Access:Open) the anonymous caller as an admin, then authorization.</summary>
    public static WebApplication UseChatAccess(this WebApplication app)
    {
        var access = app.Services.GetRequiredService<IOptions<AccessOptions>>().Value;
        app.UseAuthentication();
        if (access.Open)
        {
            app.Logger.LogWarning(
                "ACCESS IS OPEN (Access:Open=true): every request without a token is served as an admin, message content and pipeline included. Never run this way where anyone else can reach this service.");
            var admin = OpenAccess.Admin(access.RoleClaim);
            app.Use((context, next) =>
            {
                if (context.User.Identity?.IsAuthenticated != true)
                {
                    context.User = admin;
                }

                return next(context);
            });
        }

        app.UseAuthorization();
        return app;
    }

    private static void ConfigureBearer(JwtBearerOptions jwt, AccessOptions access)
    {
        // Claims keep their JWT names (role, rooms, sub), not the SOAP-era URIs.
        jwt.MapInboundClaims = false;
        jwt.Audience = access.Audience;
        var validation = jwt.TokenValidationParameters;
        validation.ValidAudience = access.Audience;
        validation.RoleClaimType = access.RoleClaim;
        validation.NameClaimType = "sub";
        validation.ClockSkew = access.ClockSkew;
        validation.RequireExpirationTime = true;
        if (!string.IsNullOrWhiteSpace(access.Authority))
        {
            // Issuer and signing keys from the authority's discovery document (refreshed by the handler).
            jwt.Authority = access.Authority;
            jwt.RequireHttpsMetadata = access.RequireHttpsMetadata;
        }
        else if (access.SigningKeyBytes is { } key)
        {
            validation.ValidIssuer = access.Issuer;
            validation.IssuerSigningKey = new SymmetricSecurityKey(key);
            validation.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
        }
    }
}
