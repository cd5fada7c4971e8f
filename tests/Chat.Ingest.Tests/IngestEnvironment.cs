namespace Chat.Ingest.Tests;

/// <summary>
/// A fresh database, a fresh virtual host and one Chat.Ingest process on them, shared by the
/// tests of one class (use as IClassFixture). Tests keep apart by their message ids.
/// </summary>
public sealed class IngestEnvironment : IAsyncLifetime
{
    public PostgresDatabase Database { get; } = new();

    public RabbitMqVirtualHost VirtualHost { get; } = new();

    public ServiceProcess Ingest { get; private set; } = null!;

    public Producer Producer { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await VirtualHost.InitializeAsync();
        Ingest = await IngestProcess.StartAsync(Database.ConnectionString(DatabaseRole.Ingest), VirtualHost);
        Producer = await Producer.ConnectAsync(VirtualHost);
    }

    /// <summary>Waits until <paramref name="sql"/> (a count, as the superuser) reaches <paramref name="expected"/>.</summary>
    public Task CountReachesAsync(string sql, long expected, TimeSpan? timeout = null) =>
        Poll.UntilAsync(
            async () => await Database.ScalarAsync<long>(sql) >= expected,
            timeout ?? TimeSpan.FromMinutes(1),
            async () => $"{sql} is {await Database.ScalarAsync<long>(sql)}, expected {expected}.\n{Ingest.Output()}");

    public async Task DisposeAsync()
    {
        if (Producer is not null)
        {
            await Producer.DisposeAsync();
        }

        if (Ingest is not null)
        {
            await Ingest.DisposeAsync();
        }

        await VirtualHost.DisposeAsync();
        await Database.DisposeAsync();
    }
}
