namespace Chat.LoadTest.Publishing;

/// <summary>How the publisher uses the broker.</summary>
public sealed record PublisherSettings
{
    /// <summary>TCP connections (each with its own reader and writer loop in the broker).</summary>
    public int Connections { get; init; } = 2;

    /// <summary>Channels per connection; each sends on its own with publisher confirms.</summary>
    public int ChannelsPerConnection { get; init; } = 2;

    /// <summary>Unconfirmed sends one channel may have outstanding.</summary>
    public int ConfirmWindow { get; init; } = 1_000;

    /// <summary>Messages per second in total; null for as fast as the broker confirms.</summary>
    public double? Rate { get; init; }

    public void Validate()
    {
        if (Connections is < 1 or > 16) throw new ArgumentException("--connections must be between 1 and 16.");
        if (ChannelsPerConnection is < 1 or > 16) throw new ArgumentException("--channels must be between 1 and 16.");
        if (ConfirmWindow is < 1 or > 100_000) throw new ArgumentException("--confirm-window must be between 1 and 100,000.");
        if (Rate is <= 0 or > 1_000_000) throw new ArgumentException("--rate must be between 1 and 1,000,000 messages per second.");
    }
}
