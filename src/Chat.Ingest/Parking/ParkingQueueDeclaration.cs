namespace Chat.Ingest.Parking;

/// <summary>
/// Declares the parking queue when the ingest starts, in the background and until it succeeds
/// (the broker may not be up yet): RabbitMQ drops what it dead-letters to an exchange that does
/// not exist. The connection is closed afterwards.
/// </summary>
public sealed class ParkingQueueDeclaration(ParkingLot parking, ILogger<ParkingQueueDeclaration> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await parking.DeclareAsync(stoppingToken);
                await parking.DisposeConnectionAsync();
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Could not declare the parking queue yet ({Error}); next try in {Delay}", e.Message, delay);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
        }
    }
}
