using System.Globalization;
using Chat.LoadTest.Profiles;
using Chat.LoadTest.Publishing;
using Chat.LoadTest.Reporting;
using Chat.LoadTest.Sampling;
using Chat.LoadTest.Traffic;
using Npgsql;

namespace Chat.LoadTest.Tests.EndToEnd;

/// <summary>
/// The whole tool, as ./chat load runs it (minus the restart through the script), against the
/// built Chat.Ingest as a process on a fresh database and virtual host: publish, sample, drain,
/// verify exactly-once, write the run's folder.
/// </summary>
public sealed class A_load_run_through_the_real_ingest(PostgresDatabase database, RabbitMqVirtualHost vhost)
    : IClassFixture<PostgresDatabase>, IClassFixture<RabbitMqVirtualHost>, IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("chat-load-e2e-").FullName;

    [Fact]
    public async Task Twenty_thousand_messages_are_stored_exactly_once_and_reported_with_charts()
    {
        await using var ingest = await ServiceProcess.StartAsync("Chat.Ingest", new Dictionary<string, string>
        {
            ["ConnectionStrings__Chat"] = database.ConnectionString(DatabaseRole.Ingest),
            ["RabbitMq__Host"] = vhost.Server.Host,
            ["RabbitMq__Port"] = vhost.Server.Port.ToString(CultureInfo.InvariantCulture),
            ["RabbitMq__VirtualHost"] = vhost.Name,
            ["RabbitMq__Username"] = vhost.Server.Username,
            ["RabbitMq__Password"] = vhost.Server.Password,
            ["Ingest__QueueCount"] = "2",
        });
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString(DatabaseRole.Query));
        var log = new StringWriter();
        var environment = new LoadEnvironment(
            new RabbitMqSettings(vhost.Server.Host, vhost.Server.Port, vhost.Server.ManagementPort, vhost.Server.Username, vhost.Server.Password, vhost.Name),
            dataSource,
            new IngestMetricsReader(async token => await (await ingest.GetAsync("metrics")).Content.ReadAsStringAsync(token)),
            [new ProcessGroup(ProcessGroups.Ingest, ProcessGroup.Fixed(ingest.ProcessId), ProcessMemory.Rss)],
            IngestControl: null,
            log,
            TimeProvider.System);
        var plan = LoadPlan.Create(LoadProfile.Baseline,
            new LoadRequest { Messages = 20_000, RunId = "e2e", OutputRoot = _output, StartedAt = DateTimeOffset.UtcNow }, measuredMaximum: null);

        var report = await new ProfileRunner(environment, new PublisherSettings(), TimeSpan.FromMinutes(5))
            .RunAsync(plan, new TrafficSettings { RunId = "e2e" }, "test", CancellationToken.None);

        var run = Assert.Single(report.Steps);
        Assert.True(report.Passed, $"{string.Join("\n", run.Failures)}\n{log}\n{ingest.Output()}");
        Assert.Equal(20_000, run.Counts.Confirmed);
        Assert.True(run.Counts.Duplicates > 0 && run.Counts.Invalid > 0);
        Assert.Equal(run.Counts.DistinctValid, await database.ScalarAsync<long>(
            "SELECT count(*) FROM messages WHERE message_id >= 'e2e:' AND message_id < 'e2e;'"));
        Assert.Equal(run.Counts.Invalid, await database.ScalarAsync<long>("SELECT count(*) FROM rejected_messages"));
        Assert.False(double.IsNaN(run.BatchWriteSeconds.P95), "the ingest's batch histogram was not read");
        Assert.InRange(run.EndToEndLagSeconds.P50, 0, 120);
        Assert.All(["summary.json", "samples.csv", "throughput.png", "queue-depth.png", "lag.png", "batch-write-latency.png"],
            file => Assert.True(File.Exists(Path.Combine(_output, "baseline", file)), file));
    }

    public void Dispose() => Directory.Delete(_output, recursive: true);
}
