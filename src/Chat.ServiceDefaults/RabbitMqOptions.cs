using System.ComponentModel.DataAnnotations;

namespace Chat.ServiceDefaults;

/// <summary>
/// The broker of the services that use one (Chat.Ingest, Chat.Projections), bound from the "RabbitMq" section (env: RabbitMq__Host, RabbitMq__Port,
/// RabbitMq__VirtualHost, RabbitMq__Username, RabbitMq__Password). No credential has a default.
/// </summary>
public sealed class RabbitMqOptions
{
    public const string Section = "RabbitMq";

    [Required]
    public string Host { get; set; } = "";

    [Range(1, 65535)]
    public int Port { get; set; } = 5672;

    [Required]
    public string VirtualHost { get; set; } = "/";

    [Required]
    public string Username { get; set; } = "";

    [Required]
    public string Password { get; set; } = "";
}
