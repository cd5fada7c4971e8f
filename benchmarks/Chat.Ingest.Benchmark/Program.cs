using Chat.Ingest.Benchmark;
using Chat.LoadTest.Publishing;
using Chat.LoadTest.Reporting;
using Npgsql;

// ./chat bench ingest: (a) raw RabbitMQ, (b) a default-configured MassTransit batch consumer and
// (c) Chat.Ingest, one after the other on the same broker and database server, each on a fresh
// virtual host and database; prints the rates and ratios and writes docs/perf/ingest.md.
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

using var servers = new BenchmarkServers();
MachineFacts machine;
await using (var postgres = NpgsqlDataSource.Create(servers.ConnectionString("postgres")))
{
    machine = await MachineFacts.ReadAsync(postgres, RabbitMqSettings.FromEnvironment(), CancellationToken.None);
}

Console.WriteLine($"{options.Messages:N0} messages per phase; Chat.Ingest variant: {options.Describe()}");
Console.WriteLine(machine.Describe());

var results = new List<PhaseResult>();
for (var round = 1; round <= options.Repeat; round++)
{
    foreach (var phase in options.Phases)
    {
        Console.WriteLine(options.Repeat > 1 ? $"-- {phase} (round {round} of {options.Repeat}) ..." : $"-- {phase} ...");
        var result = phase switch
        {
            "raw" => await RawRabbitMqPhase.RunAsync(servers, options),
            "masstransit" => await DefaultMassTransitPhase.RunAsync(servers, options),
            _ => await IngestPhase.RunAsync(servers, options),
        };
        results.Add(result);
        Console.WriteLine($"   {result.Name}: {result.Rate:N0} msg/s end to end ({result.Elapsed.TotalSeconds:F1} s), " +
            $"publish {result.Messages / result.PublishElapsed.TotalSeconds:N0} msg/s, {result.Stored:N0} of {result.Messages:N0} " +
            (result.ExactlyOnce ? "(exactly once)" : "(NOT exactly once)"));
        foreach (var (key, value) in result.Details)
        {
            Console.WriteLine($"   {key}: {value}");
        }
    }
}

var phases = PhaseSummary.Of(results);
foreach (var line in Report.Ratios(phases))
{
    Console.WriteLine(line);
}

if (options.Output.Length > 0)
{
    var command = "./chat bench ingest " + string.Join(' ', args);
    var path = Path.Combine(Chat.Testing.LocalSettings.RepositoryRoot, options.Output);
    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    await File.WriteAllTextAsync(path, Report.Markdown(options, command.TrimEnd(), machine, phases));
    Console.WriteLine($"Wrote {path}");
}

return phases.All(p => p.ExactlyOnce) ? 0 : 1;
