using System.ComponentModel.DataAnnotations;

namespace Chat.Projections.Options;

/// <summary>The broker on-demand refresh requests arrive through, bound from "RabbitMq" (env: RabbitMq__Host, ...).</summary>
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

    /// <summary>The queue RefreshProjections commands are sent to.</summary>
    [Required]
    public string RefreshQueue { get; set; } = "chat-projections-refresh";
}
