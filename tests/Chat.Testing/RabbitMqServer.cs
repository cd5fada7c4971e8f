using System.Net.Http.Headers;
using System.Text;
using Testcontainers.RabbitMq;

namespace Chat.Testing;

/// <summary>
/// The RabbitMQ broker of this test run, found once per test process: the settings in the
/// environment or .local/chat.env (the broker './chat up' started), else a Testcontainers
/// RabbitMQ (with management) where a Docker engine answers.
/// </summary>
public sealed class RabbitMqServer
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static RabbitMqServer? _instance;

    public RabbitMqServer(string host, int port, int managementPort, string username, string password)
    {
        Host = host;
        Port = port;
        ManagementPort = managementPort;
        Username = username;
        Password = password;
    }

    public string Host { get; }

    public int Port { get; }

    public int ManagementPort { get; }

    public string Username { get; }

    public string Password { get; }

    public Uri ManagementUri => new($"http://{Host}:{ManagementPort}/");

    /// <summary>amqp:// URI of a virtual host of this broker.</summary>
    public Uri AmqpUri(string virtualHost = "/") =>
        new($"amqp://{Uri.EscapeDataString(Username)}:{Uri.EscapeDataString(Password)}@{Host}:{Port}/{Uri.EscapeDataString(virtualHost)}");

    /// <summary>The queues of a virtual host with their messages (ready and unacknowledged) and consumers, from the management API.</summary>
    public async Task<IReadOnlyList<QueueState>> QueuesAsync(string virtualHost = "/")
    {
        using var client = CreateManagementClient();
        var queues = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<List<QueueState>>(
            client, $"api/queues/{Uri.EscapeDataString(virtualHost)}");
        return queues ?? [];
    }

    /// <summary>An HTTP client for the management API, authenticated as the test user.</summary>
    public HttpClient CreateManagementClient()
    {
        var client = new HttpClient { BaseAddress = ManagementUri, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Username}:{Password}")));
        return client;
    }

    public static async Task<RabbitMqServer> GetAsync()
    {
        if (_instance is not null)
        {
            return _instance;
        }

        await Gate.WaitAsync();
        try
        {
            return _instance ??= await FindAsync();
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<RabbitMqServer> FindAsync()
    {
        if (LocalSettings.Get("CHAT_RABBITMQ_PASSWORD") is { } password)
        {
            return new RabbitMqServer(
                LocalSettings.Get("CHAT_RABBITMQ_HOST") ?? "127.0.0.1",
                int.Parse(LocalSettings.Get("CHAT_RABBITMQ_PORT") ?? "25672"),
                int.Parse(LocalSettings.Get("CHAT_RABBITMQ_MANAGEMENT_PORT") ?? "25673"),
                LocalSettings.Get("CHAT_RABBITMQ_USER") ?? "chat",
                password);
        }

        if (LocalSettings.DockerEngineAnswers())
        {
            var container = new RabbitMqBuilder("rabbitmq:3.13-management").WithUsername("chat").WithPassword("chat")
                .WithPortBinding(15672, true).Build();
            await container.StartAsync();
            return new RabbitMqServer(container.Hostname, container.GetMappedPublicPort(5672),
                container.GetMappedPublicPort(15672), "chat", "chat");
        }

        throw new InvalidOperationException(
            "No RabbitMQ for the tests: run './chat up' (or './chat test') or start a Docker engine.");
    }
}

/// <summary>A queue as the management API lists it.</summary>
public sealed record QueueState(string Name, long Messages, int Consumers);
