using System.CommandLine;
using System.Globalization;
using Chat.LoadTest.Publishing;
using Chat.LoadTest.Reporting;
using Chat.LoadTest.Sampling;
using Chat.LoadTest.Traffic;
using Npgsql;

namespace Chat.LoadTest.Profiles;

/// <summary>load: runs a profile against the running Chat.Ingest, checks exactly-once, writes the report folder.</summary>
public static class LoadCommand
{
    /// <summary>A chat_query connection string: the run reads messages and rejected_messages, nothing more.</summary>
    public const string ConnectionVariable = "ConnectionStrings__ChatQuery";

    public static Command Create()
    {
        var traffic = new TrafficSettings { RunId = "x" };
        var publishing = new PublisherSettings();
        var profile = new Argument<string>("profile")
        {
            Description = string.Join("; ", LoadProfile.All.Select(p => $"{p.Name}: {p.Description}")),
        };
        profile.AcceptOnlyFromAmong([.. LoadProfile.All.Select(p => p.Name)]);
        var scale = new Option<double>("--scale") { Description = "Multiply the profile's messages or duration (e.g. 0.1 for a quick run).", DefaultValueFactory = _ => 1 };
        var messages = new Option<long?>("--messages") { Description = "Send exactly this many messages (per step)." };
        var duration = new Option<string?>("--duration") { Description = "Send for this long instead (90s, 15m, 1h)." };
        var rate = new Option<double?>("--rate") { Description = "Target messages per second (default: as fast as possible; endurance: 80% of the latest stress run's maximum)." };
        var connections = new Option<int>("--connections") { Description = "AMQP connections.", DefaultValueFactory = _ => publishing.Connections };
        var channels = new Option<int>("--channels") { Description = "Publishing channels per connection.", DefaultValueFactory = _ => publishing.ChannelsPerConnection };
        var window = new Option<int>("--confirm-window") { Description = "Unconfirmed sends per channel.", DefaultValueFactory = _ => publishing.ConfirmWindow };
        var rooms = new Option<int>("--rooms") { Description = "Rooms 1..N.", DefaultValueFactory = _ => traffic.Rooms };
        var users = new Option<int>("--users") { Description = "Users 1..N.", DefaultValueFactory = _ => traffic.Users };
        var minContent = new Option<int>("--min-content") { Description = "Shortest message text (characters).", DefaultValueFactory = _ => traffic.MinContentLength };
        var maxContent = new Option<int>("--max-content") { Description = "Longest message text (characters).", DefaultValueFactory = _ => traffic.MaxContentLength };
        var serverShare = new Option<double>("--chat-server-share") { Description = "Share of valid messages in the chat server's shape (the rest: the load generator's).", DefaultValueFactory = _ => traffic.ChatServerShare };
        var duplicateShare = new Option<double>("--duplicate-share") { Description = "Share of sends repeating an earlier message's id.", DefaultValueFactory = _ => traffic.DuplicateShare };
        var invalidShare = new Option<double>("--invalid-share") { Description = "Share of sends the ingest must reject.", DefaultValueFactory = _ => traffic.InvalidShare };
        var seed = new Option<int>("--seed") { Description = "Random seed of the traffic.", DefaultValueFactory = _ => traffic.Seed };
        var runId = new Option<string?>("--run-id") { Description = "Message id prefix (default: profile and time; reuse one only to republish the same ids)." };
        var batchSize = new Option<int?>("--batch-size") { Description = "Restart the ingest with this batch size first (baseline, stress, endurance)." };
        var batchSizes = new Option<string?>("--batch-sizes") { Description = "Comma-separated sizes for batch-sweep (default 100,500,1000,5000)." };
        var output = new Option<string?>("--output") { Description = "Report root (default docs/perf/load)." };
        var drainTimeout = new Option<string>("--drain-timeout") { Description = "Longest wait for the ingest to store everything after publishing.", DefaultValueFactory = _ => "10m" };
        var noControl = new Option<bool>("--no-ingest-control") { Description = "Do not restart Chat.Ingest; use the one running." };

        var command = new Command("load", "Publish a load profile to chat.exchange, sample everything every second, verify exactly-once, write the report folder.")
        {
            profile, scale, messages, duration, rate, connections, channels, window, rooms, users, minContent, maxContent,
            serverShare, duplicateShare, invalidShare, seed, runId, batchSize, batchSizes, output, drainTimeout, noControl,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var connectionString = Environment.GetEnvironmentVariable(ConnectionVariable);
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                await Console.Error.WriteLineAsync($"load: set {ConnectionVariable} (./chat load does).");
                return 2;
            }

            try
            {
                var chosen = LoadProfile.Find(result.GetValue(profile)!)!;
                var root = Environment.GetEnvironmentVariable("CHAT_ROOT") ?? Directory.GetCurrentDirectory();
                var outputRoot = result.GetValue(output) ?? Path.Combine(root, "docs", "perf", "load");
                var request = new LoadRequest
                {
                    Scale = result.GetValue(scale),
                    Messages = result.GetValue(messages),
                    Duration = result.GetValue(duration) is { } d ? DurationText.Parse(d) : null,
                    Rate = result.GetValue(rate),
                    RunId = result.GetValue(runId),
                    BatchSize = result.GetValue(batchSize),
                    BatchSizes = result.GetValue(batchSizes) is { } sizes
                        ? [.. sizes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture))]
                        : null,
                    OutputRoot = outputRoot,
                    StartedAt = DateTimeOffset.UtcNow,
                };
                var trafficSettings = new TrafficSettings
                {
                    RunId = request.RunId ?? "template", // each step runs under its own run id (LoadPlan)
                    Rooms = result.GetValue(rooms),
                    Users = result.GetValue(users),
                    MinContentLength = result.GetValue(minContent),
                    MaxContentLength = result.GetValue(maxContent),
                    ChatServerShare = result.GetValue(serverShare),
                    DuplicateShare = result.GetValue(duplicateShare),
                    InvalidShare = result.GetValue(invalidShare),
                    Seed = result.GetValue(seed),
                };
                trafficSettings.Validate();
                var publisherSettings = new PublisherSettings
                {
                    Connections = result.GetValue(connections),
                    ChannelsPerConnection = result.GetValue(channels),
                    ConfirmWindow = result.GetValue(window),
                };
                publisherSettings.Validate();
                var maximum = chosen.RateFromStress && request.Rate is null ? await MeasuredMaximumAsync(outputRoot, cancellationToken) : null;
                var plan = LoadPlan.Create(chosen, request, maximum);

                await using var dataSource = NpgsqlDataSource.Create(
                    new NpgsqlConnectionStringBuilder(connectionString) { Options = "-c statement_timeout=0", ApplicationName = "chat-loadtest" }.ConnectionString);
                using var http = new HttpClient { Timeout = TimeSpan.FromMilliseconds(900) };
                var environment = new LoadEnvironment(
                    RabbitMqSettings.FromEnvironment(),
                    dataSource,
                    Environment.GetEnvironmentVariable("CHAT_INGEST_METRICS_URL") is { Length: > 0 } url
                        ? IngestMetricsReader.OverHttp(http, new Uri(url))
                        : null,
                    ProcessGroups.Find(
                        Environment.GetEnvironmentVariable("CHAT_INGEST_PID_FILE"),
                        Environment.GetEnvironmentVariable("CHAT_PG_PID_FILE"),
                        int.TryParse(Environment.GetEnvironmentVariable("CHAT_RABBITMQ_PID"), CultureInfo.InvariantCulture, out var beam) ? beam : null),
                    result.GetValue(noControl) ? null : IngestControl.FromEnvironment(Console.Error),
                    Console.Out,
                    TimeProvider.System);
                var commandLine = Environment.GetEnvironmentVariable("CHAT_COMMAND") is { Length: > 0 } typed ? typed : $"chat-loadtest {string.Join(' ', Environment.GetCommandLineArgs()[1..])}";
                var runner = new ProfileRunner(environment, publisherSettings, DurationText.Parse(result.GetValue(drainTimeout)!));
                var report = await runner.RunAsync(plan, trafficSettings, commandLine, cancellationToken);
                await Console.Out.WriteLineAsync(report.Passed
                    ? $"==> {chosen.Name} PASSED: every message stored exactly once, every invalid one rejected, nothing left behind"
                    : $"==> {chosen.Name} FAILED: see the failures above (and {Path.Combine(plan.Folder, ProfileReport.FileName)})");
                return report.Passed ? 0 : 1;
            }
            catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
            {
                await Console.Error.WriteLineAsync($"load: {e.Message}");
                return 2;
            }
            catch (Exception e) when (e is RabbitMQ.Client.Exceptions.RabbitMQClientException or NpgsqlException or HttpRequestException)
            {
                await Console.Error.WriteLineAsync($"load: a server did not answer ({e.GetType().Name}): {e.Message}");
                return 2;
            }
        });
        return command;
    }

    /// <summary>The end-to-end throughput of the latest stress run: what endurance takes 80% of.</summary>
    private static async Task<double?> MeasuredMaximumAsync(string outputRoot, CancellationToken cancellationToken)
    {
        var stress = await ProfileReport.ReadAsync(Path.Combine(outputRoot, LoadProfile.Stress.Name), cancellationToken);
        if (stress is not { Passed: true, Steps.Count: > 0 })
        {
            return null;
        }

        if (stress.ScaledDown)
        {
            await Console.Error.WriteLineAsync("load: warning: the latest stress run was scaled down; its maximum is a smoke figure.");
        }

        return stress.Steps[0].Throughput.EndToEndRate;
    }
}
