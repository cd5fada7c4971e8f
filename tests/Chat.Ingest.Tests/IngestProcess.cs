using System.Globalization;

namespace Chat.Ingest.Tests;

/// <summary>The built Chat.Ingest as a child process, on a test database and virtual host.</summary>
public static class IngestProcess
{
    /// <param name="settings">Extra configuration, e.g. ["Ingest__TimeLimit"] = "00:00:08".</param>
    public static Task<ServiceProcess> StartAsync(
        string connectionString, RabbitMqVirtualHost virtualHost, IReadOnlyDictionary<string, string>? settings = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Chat"] = connectionString,
            ["RabbitMq__Host"] = virtualHost.Server.Host,
            ["RabbitMq__Port"] = virtualHost.Server.Port.ToString(CultureInfo.InvariantCulture),
            ["RabbitMq__VirtualHost"] = virtualHost.Name,
            ["RabbitMq__Username"] = virtualHost.Server.Username,
            ["RabbitMq__Password"] = virtualHost.Server.Password,
            // Two queues are enough to prove the spreading; a short back-off keeps outage tests short.
            ["Ingest__QueueCount"] = "2",
            ["Ingest__RetryMaxDelay"] = "00:00:02",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        return ServiceProcess.StartAsync("Chat.Ingest", environment);
    }
}
