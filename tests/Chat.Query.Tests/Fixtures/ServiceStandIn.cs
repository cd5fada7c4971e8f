using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Chat.Query.Tests.Fixtures;

/// <summary>
/// STAND-IN for a pipeline service (Chat.Ingest, Chat.Projections) over real HTTP on a free
/// port: /metrics answers whatever text the test sets, /health/ready 200 or 503 with a health
/// report shaped like the services' own. Lets the pipeline sampler be tested with exact figures;
/// the browser test runs the real services.
/// </summary>
public sealed class ServiceStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ServiceStandIn(WebApplication app) => _app = app;

    /// <summary>The Prometheus text /metrics answers.</summary>
    public string Metrics { get; set; } = "";

    /// <summary>False: /health/ready answers 503, its database "not answering".</summary>
    public bool Ready { get; set; } = true;

    public Uri Address { get; private set; } = null!;

    public static async Task<ServiceStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var standIn = new ServiceStandIn(app);
        app.MapGet("/metrics", () => Results.Text(standIn.Metrics, "text/plain; version=0.0.4"));
        app.MapGet("/health/ready", () => standIn.Ready
            ? Results.Json(new { status = "Healthy", checks = new { postgres = new { status = "Healthy", description = "PostgreSQL answers" } } })
            : Results.Json(new { status = "Unhealthy", checks = new { postgres = new { status = "Unhealthy", description = "PostgreSQL does not answer" } } },
                statusCode: (int)HttpStatusCode.ServiceUnavailable));
        await app.StartAsync();
        standIn.Address = new Uri(app.Urls.First());
        return standIn;
    }

    /// <summary>Stops listening: from now on, connections are refused, as with a stopped service.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
