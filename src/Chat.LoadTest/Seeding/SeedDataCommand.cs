using System.CommandLine;
using Npgsql;

namespace Chat.LoadTest.Seeding;

/// <summary>seed-data: loads N synthetic messages into PostgreSQL with COPY.</summary>
public static class SeedDataCommand
{
    /// <summary>Environment variable holding a connection string allowed to COPY, VACUUM and REFRESH.</summary>
    public const string ConnectionVariable = "ConnectionStrings__ChatAdmin";

    public static Command Create()
    {
        var defaults = new SeedSettings();
        var messages = new Option<long>("--messages") { Description = "How many messages to add.", DefaultValueFactory = _ => defaults.Messages };
        var rooms = new Option<int>("--rooms") { Description = "Rooms 1..N.", DefaultValueFactory = _ => defaults.Rooms };
        var users = new Option<int>("--users") { Description = "Users 1..N.", DefaultValueFactory = _ => defaults.Users };
        var days = new Option<int>("--days") { Description = "Days of timestamps, ending now.", DefaultValueFactory = _ => defaults.Days };
        var runId = new Option<string>("--run-id") { Description = "Message id prefix; a new one per load, or ids collide.", DefaultValueFactory = _ => $"seed{DateTime.UtcNow:yyyyMMddHHmmss}" };
        var seed = new Option<int>("--seed") { Description = "Random seed (same seed and run id: same data).", DefaultValueFactory = _ => defaults.Seed };
        var writers = new Option<int>("--writers") { Description = "Concurrent COPY streams.", DefaultValueFactory = _ => defaults.Writers };
        var truncate = new Option<bool>("--truncate") { Description = "Empty the messages table first." };
        var refresh = new Option<bool>("--refresh-views") { Description = "Refresh the stats views afterwards." };
        var noVacuum = new Option<bool>("--no-vacuum") { Description = "Skip VACUUM ANALYZE afterwards." };

        var command = new Command("seed-data", "Load N realistic synthetic messages straight into PostgreSQL with COPY.")
        {
            messages, rooms, users, days, runId, seed, writers, truncate, refresh, noVacuum,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var connectionString = Environment.GetEnvironmentVariable(ConnectionVariable);
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                await Console.Error.WriteLineAsync($"seed-data: set {ConnectionVariable} (./chat seed-data does).");
                return 2;
            }

            var settings = new SeedSettings
            {
                Messages = result.GetValue(messages),
                Rooms = result.GetValue(rooms),
                Users = result.GetValue(users),
                Days = result.GetValue(days),
                RunId = result.GetValue(runId)!,
                Seed = result.GetValue(seed),
                Writers = result.GetValue(writers),
            };
            try
            {
                settings.Validate();
            }
            catch (ArgumentException e)
            {
                await Console.Error.WriteLineAsync($"seed-data: {e.Message}");
                return 2;
            }

            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            var seeder = new MessageSeeder(dataSource, Console.Out);
            if (result.GetValue(truncate))
            {
                await seeder.TruncateAsync(cancellationToken);
            }

            Console.WriteLine($"Loading {settings.Messages:N0} messages ({settings.Rooms} rooms, {settings.Users:N0} users, {settings.Days} days, run id {settings.RunId}) with {settings.Writers} COPY streams");
            var elapsed = await seeder.SeedAsync(settings, cancellationToken);
            Console.WriteLine($"Loaded {settings.Messages:N0} messages in {elapsed.TotalSeconds:N1} s ({settings.Messages / elapsed.TotalSeconds:N0} rows/s)");
            if (!result.GetValue(noVacuum))
            {
                var vacuum = System.Diagnostics.Stopwatch.StartNew();
                await seeder.VacuumAnalyzeAsync(cancellationToken);
                Console.WriteLine($"VACUUM ANALYZE in {vacuum.Elapsed.TotalSeconds:N1} s");
            }

            if (result.GetValue(refresh))
            {
                var views = System.Diagnostics.Stopwatch.StartNew();
                await seeder.RefreshViewsAsync(cancellationToken);
                Console.WriteLine($"Views refreshed in {views.Elapsed.TotalSeconds:N1} s");
            }

            Console.WriteLine($"messages now holds {await seeder.CountAsync(cancellationToken):N0} rows");
            return 0;
        });
        return command;
    }
}
