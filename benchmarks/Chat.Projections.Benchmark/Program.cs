using Chat.LoadTest.Publishing;
using Chat.LoadTest.Reporting;
using Chat.LoadTest.Seeding;
using Chat.Migrator;
using Chat.Projections.Benchmark;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

// ./chat bench projections: see BenchmarkOptions.Usage. Server settings come from .local/chat.env.
if (args.Contains("--help"))
{
    Console.WriteLine(BenchmarkOptions.Usage);
    return 0;
}

BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

string Setting(string key) => Environment.GetEnvironmentVariable(key)
    ?? throw new InvalidOperationException($"{key} is not set: run through './chat bench projections'.");

var server = new NpgsqlConnectionStringBuilder
{
    Host = Setting("CHAT_PG_HOST"),
    Port = int.Parse(Setting("CHAT_PG_PORT")),
    Database = options.Database,
    CommandTimeout = 0,
};
var adminConnection = new NpgsqlConnectionStringBuilder(server.ConnectionString)
    { Username = Setting("CHAT_PG_ADMIN_USER"), Password = Setting("CHAT_PG_ADMIN_PASSWORD") }.ConnectionString;

await SchemaMigrator.MigrateAsync(adminConnection, new Dictionary<string, string>(), NullLogger.Instance);
await using var admin = NpgsqlDataSource.Create(adminConnection);
var seeder = new MessageSeeder(admin, Console.Out);
await using var projections = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(server.ConnectionString)
    { Username = "chat_projections", Password = Setting("CHAT_PROJECTIONS_PASSWORD") }.ConnectionString);

var command = "./chat bench projections " + string.Join(' ', args.Select(a => a.Contains(' ') ? $"'{a}'" : a));
var date = DateTimeOffset.UtcNow;
var timings = new List<RefreshTiming>();
(IngestRun, IngestRun)? ingest = null;
foreach (var messages in options.Messages)
{
    var stored = await seeder.CountAsync(CancellationToken.None);
    if (stored < messages)
    {
        // Only what is missing: a database loaded to 1M is topped up to 10M. One run id per top-up keeps ids unique.
        Console.WriteLine($"Loading messages {stored:N0} .. {messages:N0} with the seed-data generator");
        var settings = new SeedSettings { Messages = messages - stored, Users = options.Users, Rooms = options.Rooms, RunId = $"bench{stored}" };
        var elapsed = await seeder.SeedAsync(settings, CancellationToken.None);
        Console.WriteLine($"Loaded {settings.Messages:N0} messages in {elapsed.TotalSeconds:F0} s; VACUUM ANALYZE");
        await seeder.VacuumAnalyzeAsync(CancellationToken.None);
        stored = await seeder.CountAsync(CancellationToken.None);
    }

    foreach (var view in RefreshTimings.Views)
    {
        timings.Add(await RefreshTimings.MeasureAsync(projections, stored, view, options.Repeat));
    }
}

if (options.IngestMessages > 0)
{
    var chat = Setting("CHAT_SCRIPT");
    var alone = await IngestLoad.RunAsync(chat, options.Database, options.IngestMessages);
    var whileRefreshing = await IngestLoad.RunWhileRefreshingAsync(chat, options.Database, options.IngestMessages, projections);
    Console.WriteLine($"ingest alone {alone.MessagesPerSecond:N0} msg/s, while refreshing {whileRefreshing.MessagesPerSecond:N0} msg/s " +
        $"({whileRefreshing.MessagesPerSecond / alone.MessagesPerSecond:P0} of alone); worst staleness " +
        string.Join(", ", whileRefreshing.WorstStalenessSeconds.Select(w => $"{w.Key} {w.Value:F0} s")));
    ingest = (alone, whileRefreshing);
}

var report = BenchmarkReport.Write(command, date, await MachineFacts.ReadAsync(admin, RabbitMqSettings.FromEnvironment(), CancellationToken.None), timings, ingest);
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.Output))!);
await File.WriteAllTextAsync(options.Output, report);
Console.WriteLine($"Wrote {options.Output}");
return 0;
