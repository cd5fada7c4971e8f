using Chat.Contracts.Projections;
using Chat.Metrics;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Chat.Projections.Tests;

/// <summary>
/// Chat.Projections as it runs (its Program), in-process, on a test database (as chat_projections)
/// and a test virtual host. Schedules are off unless a test turns them on, so each test decides
/// when refreshes run.
/// </summary>
public sealed class ProjectionsHost(
    PostgresDatabase database,
    RabbitMqVirtualHost broker,
    IReadOnlyDictionary<string, string>? settings = null,
    TimeProvider? time = null,
    string? connectionString = null) : WebApplicationFactory<ViewRefresher> // any type of the service marks its entry assembly
{
    public ViewRefresher Refresher => Services.GetRequiredService<ViewRefresher>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Chat", connectionString ?? database.ConnectionString(DatabaseRole.Projections));
        builder.UseSetting("RabbitMq:Host", broker.Server.Host);
        builder.UseSetting("RabbitMq:Port", broker.Server.Port.ToString());
        builder.UseSetting("RabbitMq:VirtualHost", broker.Name);
        builder.UseSetting("RabbitMq:Username", broker.Server.Username);
        builder.UseSetting("RabbitMq:Password", broker.Server.Password);
        builder.UseSetting("Refresh:ScheduleEnabled", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        if (time is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(time));
        }
    }

    /// <summary>Fires a view's job now, as the scheduler would.</summary>
    public async Task TriggerJobAsync(ProjectedView view)
    {
        var scheduler = await Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.TriggerJob(Jobs.RefreshViewJob.KeyOf(view));
    }

    /// <summary>Sends a refresh request through the broker to the service's queue.</summary>
    public async Task SendAsync(RefreshProjections request)
    {
        var endpoint = await Services.GetRequiredService<IBus>().GetSendEndpoint(new Uri("queue:chat-projections-refresh"));
        await endpoint.Send(request);
    }

    /// <summary>The value of one sample of /metrics, or null when the series is absent.</summary>
    public async Task<double?> MetricAsync(string name, params (string Label, string Value)[] labels)
    {
        using var client = CreateClient();
        return PrometheusText.Parse(await client.GetStringAsync("/metrics")).Value(name, labels);
    }
}
