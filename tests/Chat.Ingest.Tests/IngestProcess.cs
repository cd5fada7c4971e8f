using System.Globalization;

namespace Chat.Ingest.Tests;

/// <summary>The built Chat.Ingest as a child process, on a test database and virtual host.</summary>
public static class IngestProcess
{
    /// <param name="settings">Extra configuration, e.g. ["Ingest__TimeLimit"] = "00:00:08".</param>
    public static Task<ServiceProcess> StartAsync(
        string connectionString, RabbitMqVirtualHost virtualHost, IReadOnlyDictionary<string, string>? settings = null) =>
        StartAsync(connectionString, virtualHost.Server, virtualHost.Name, settings);

    /// <summary>On a broker of the test's own (e.g. <see cref="PrivateRabbitMqBroker"/>), in <paramref name="virtualHostName"/>.</summary>
    public static Task<ServiceProcess> StartAsync(
        string connectionString, RabbitMqServer broker, string virtualHostName, IReadOnlyDictionary<string, string>? settings = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Chat"] = connectionString,
            ["RabbitMq__Host"] = broker.Host,
            ["RabbitMq__Port"] = broker.Port.ToString(CultureInfo.InvariantCulture),
            ["RabbitMq__VirtualHost"] = virtualHostName,
            ["RabbitMq__Username"] = broker.Username,
            ["RabbitMq__Password"] = broker.Password,
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
