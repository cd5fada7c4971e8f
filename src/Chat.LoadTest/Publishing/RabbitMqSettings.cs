using System.Globalization;
using RabbitMQ.Client;

namespace Chat.LoadTest.Publishing;

/// <summary>Where the broker is: AMQP for publishing, the management API for queue depths.</summary>
public sealed record RabbitMqSettings(string Host, int Port, int ManagementPort, string Username, string Password, string VirtualHost = "/")
{
    /// <summary>From CHAT_RABBITMQ_HOST/PORT/MANAGEMENT_PORT/USER/PASSWORD (./chat env prints them).</summary>
    public static RabbitMqSettings FromEnvironment()
    {
        static string Get(string name, string? fallback = null) =>
            Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value
            : fallback ?? throw new InvalidOperationException($"{name} is not set (./chat load sets it from .local/chat.env).");

        return new RabbitMqSettings(
            Get("CHAT_RABBITMQ_HOST", "127.0.0.1"),
            int.Parse(Get("CHAT_RABBITMQ_PORT"), CultureInfo.InvariantCulture),
            int.Parse(Get("CHAT_RABBITMQ_MANAGEMENT_PORT"), CultureInfo.InvariantCulture),
            Get("CHAT_RABBITMQ_USER", "chat"),
            Get("CHAT_RABBITMQ_PASSWORD"),
            Get("CHAT_RABBITMQ_VHOST", "/"));
    }

    public Uri ManagementUri => new($"http://{Host}:{ManagementPort}/");

    public ConnectionFactory ConnectionFactory(string name) => new()
    {
        HostName = Host,
        Port = Port,
        UserName = Username,
        Password = Password,
        VirtualHost = VirtualHost,
        ClientProvidedName = name,
        AutomaticRecoveryEnabled = false, // a broken connection fails the run loudly rather than hiding a gap
    };
}
