using System.Threading.RateLimiting;
using Chat.Query.Access;
using Chat.Query.GraphQL;
using Chat.Query.Options;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.RateLimiting;
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

        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = WriteRateLimitedAsync;
            limiter.AddPolicy(GraphQLRateLimit, context =>
            {
                var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                return RateLimitPartition.GetTokenBucketLimiter(Caller(context), _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = limits.Burst,
                    TokensPerPeriod = limits.PermitsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
        });
        return builder;
    }

    /// <summary>The rate limit policy of /graphql.</summary>
    public const string GraphQLRateLimit = "graphql";

    // A token's caller is its issuer and subject (however many tokens it holds); anyone else is
    // their address (the open mode's callers included).
    private static string Caller(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, AuthenticationType: not OpenAccess.AuthenticationType }
            ? $"token:{context.User.FindFirst("iss")?.Value}:{context.User.FindFirst("sub")?.Value}"
            : $"address:{context.Connection.RemoteIpAddress}";

    private static async ValueTask WriteRateLimitedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var response = rejected.HttpContext.Response;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
        response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.ContentType = "application/json; charset=utf-8";
        await response.WriteAsJsonAsync(new
        {
            errors = new[]
            {
                new
                {
                    message = $"Too many requests: this caller may send {RateLimits(rejected.HttpContext)}. Try again in {retryAfter} s.",
                    extensions = new { code = ErrorCodes.RateLimited },
                },
            },
        }, cancellationToken);
    }

    private static string RateLimits(HttpContext context)
    {
        var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        return $"{limits.PermitsPerSecond} requests a second (bursts of {limits.Burst})";
    }

    /// <summary>Authentication, then (Access:Open) the anonymous caller as an admin, the rate limiter, then authorization.</summary>
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

        app.UseRateLimiter();
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
        else if (access.DecodeSigningKey() is { } key)
        {
            validation.ValidIssuer = access.Issuer;
            validation.IssuerSigningKey = new SymmetricSecurityKey(key);
            validation.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
        }
    }
}
