using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Prometheus;
using Serilog;
using Serilog.Events;

namespace Chat.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    /// <summary>Tag of the checks /health/ready runs (dependencies: database, broker).</summary>
    public const string ReadyTag = "ready";

    /// <summary>Tag of the checks /health/live runs (the process itself).</summary>
    public const string LiveTag = "live";

    /// <summary>Serilog (structured, configurable under "Serilog"), health checks and metrics.</summary>
    public static TBuilder AddChatServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        var service = builder.Environment.ApplicationName;
        builder.Services.AddSerilog((services, logger) => logger
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .Enrich.WithProperty("Service", service)
            .WriteTo.Console(outputTemplate:
                "[{Timestamp:HH:mm:ss.fff} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}"));

        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), tags: [LiveTag]);
        return builder;
    }

    /// <summary>
    /// /health/live, /health/ready and /metrics (Prometheus text format). With an
    /// <paramref name="internalsPolicy"/> (an ASP.NET Core authorization policy), /metrics needs
    /// a caller that satisfies it and /health/ready tells others only its status, no details.
    /// </summary>
    public static WebApplication MapChatDefaultEndpoints(this WebApplication app, string? internalsPolicy = null)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(LiveTag),
            ResponseWriter = WriteHealthAsync,
        });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = internalsPolicy is null ? WriteHealthAsync : (context, report) => WriteHealthForAsync(context, report, internalsPolicy),
            // Degraded is not ready: MassTransit reports a receive endpoint that is stopped, or
            // whose broker is unreachable, as Degraded, which ASP.NET Core would answer with 200.
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
        var metrics = app.MapMetrics("/metrics");
        if (internalsPolicy is not null)
        {
            metrics.RequireAuthorization(internalsPolicy);
        }

        return app;
    }

    private static async Task WriteHealthForAsync(HttpContext context, HealthReport report, string policy)
    {
        var authorization = context.RequestServices.GetRequiredService<IAuthorizationService>();
        if ((await authorization.AuthorizeAsync(context.User, policy)).Succeeded)
        {
            await WriteHealthAsync(context, report);
            return;
        }

        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, new { status = report.Status.ToString() }, HealthJson, context.RequestAborted);
    }

    private static Task WriteHealthAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            durationMs = report.TotalDuration.TotalMilliseconds,
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description, error = e.Value.Exception?.Message }),
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, HealthJson, context.RequestAborted);
    }

    private static readonly JsonSerializerOptions HealthJson = new(JsonSerializerDefaults.Web);
}
