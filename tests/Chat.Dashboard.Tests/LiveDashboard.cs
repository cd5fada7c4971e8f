using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Chat.LoadTest.Access;

namespace Chat.Dashboard.Tests;

/// <summary>
/// The whole platform for one test class (use as IClassFixture): a fresh database and virtual
/// host, the built Chat.Ingest, Chat.Projections and Chat.Query running as processes, Chat.Query
/// watching the other two, and <see cref="KnownTraffic"/> loaded: the history stored, the live
/// traffic published through the ingest, the views refreshed by the projections.
/// </summary>
public sealed class LiveDashboard : PostgresDatabase, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private readonly RabbitMqVirtualHost _broker = new();

    public ServiceProcess Ingest { get; private set; } = null!;

    public ServiceProcess Projections { get; private set; } = null!;

    public ServiceProcess Query { get; private set; } = null!;

    /// <summary>Chat.Query checks tokens with this key, as with ./chat's .local/query-signing.key.</summary>
    private readonly string _signingKey = AccessTokens.NewSigningKey();

    /// <summary>What ./chat demo gives the dashboard: a reader and operator token.</summary>
    public string Token { get; }

    public LiveDashboard() => Token = AccessTokens.Mint(_signingKey, ["reader", "operator"], null, TimeSpan.FromHours(2), "dashboard-test");

    /// <summary>The page, refreshing every second (the default is every 5 s), with its token in the fragment as ./chat demo prints it.</summary>
    public Uri PageUrl => new(Query.BaseAddress, $"/?refresh=1#token={Token}");

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        await _broker.InitializeAsync();
        Ingest = await ServiceProcess.StartAsync("Chat.Ingest", Broker(new()
        {
            ["ConnectionStrings__Chat"] = ConnectionString(DatabaseRole.Ingest),
            ["Ingest__QueueCount"] = "2",
        }));
        Projections = await ServiceProcess.StartAsync("Chat.Projections", Broker(new()
        {
            ["ConnectionStrings__Chat"] = ConnectionString(DatabaseRole.Projections),
            ["Refresh__UserStatsInterval"] = "00:00:02",
            ["Refresh__RoomStatsInterval"] = "00:00:02",
            ["Refresh__HourlyStatsInterval"] = "00:00:02",
        }));
        Query = await ServiceProcess.StartAsync("Chat.Query", new Dictionary<string, string>
        {
            ["ConnectionStrings__Chat"] = ConnectionString(DatabaseRole.Query),
            ["Access__SigningKey"] = _signingKey,
            ["Pipeline__Ingest__0"] = Ingest.BaseAddress.AbsoluteUri,
            ["Pipeline__Projections__0"] = Projections.BaseAddress.AbsoluteUri,
            ["Pipeline__SampleInterval"] = "00:00:01",
            // Views refreshed every 2 s are fresh; 20 s without a refresh makes them stale within a test.
            ["Query__StaleAfter"] = "00:00:20",
            // A build (unlike a publish) leaves the npm bundles in the project's wwwroot, not in bin/.
            ["ASPNETCORE_WEBROOT"] = Path.Combine(LocalSettings.RepositoryRoot, "src", "Chat.Query", "wwwroot"),
        });

        await KnownTraffic.LoadHistoryAsync(this, DateTimeOffset.UtcNow);
        await new LiveTrafficPublisher(_broker.AmqpUri).PublishAsync(LiveDeliveries(), perSecond: 250, CancellationToken.None);
        await Poll.UntilAsync(
            async () => await StoredLiveAsync() == KnownTraffic.LiveMessages
                && await ScalarAsync<long>("SELECT count(*) FROM rejected_messages") == KnownTraffic.Invalid,
            Patience, async () => $"{await StoredLiveAsync()} live messages stored.\n{Ingest.Output()}");
        await Poll.UntilAsync(
            async () => await ScalarAsync<long>("SELECT coalesce(sum(message_count), 0)::bigint FROM room_stats") == KnownTraffic.HistoryMessages + KnownTraffic.LiveMessages,
            Patience, () => Task.FromResult($"room_stats does not hold every message.\n{Projections.Output()}"));
        await UntilPipelineHealthyAsync();
    }

    /// <summary>Waits until Chat.Query reports every service up and every view fresh, as the page will.</summary>
    public async Task UntilPipelineHealthyAsync()
    {
        var answer = "";
        using var http = new HttpClient { BaseAddress = Query.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token);
        await Poll.UntilAsync(async () =>
        {
            using var response = await http.PostAsJsonAsync("graphql", new { query = "{ pipeline { services { state } } analytics { views { state } } }" });
            answer = await response.Content.ReadAsStringAsync();
            using var json = JsonDocument.Parse(answer);
            var data = json.RootElement.GetProperty("data");
            return data.GetProperty("pipeline").GetProperty("services").EnumerateArray().All(s => s.GetProperty("state").GetString() == "UP")
                && data.GetProperty("analytics").GetProperty("views").EnumerateArray().All(v => v.GetProperty("state").GetString() == "FRESH");
        }, Patience, () => Task.FromResult(answer), TimeSpan.FromMilliseconds(500));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        foreach (var service in new[] { Query, Projections, Ingest }.Where(s => s is not null))
        {
            await service.DisposeAsync();
        }

        await _broker.DisposeAsync();
        await DisposeAsync();
    }

    /// <summary>
    /// The live messages, then some of them again (duplicates: redeliveries with the original's
    /// timestamp, as another timestamp under the same id is a conflict), then deliveries the
    /// ingest must reject.
    /// </summary>
    private static IEnumerable<PublishedMessage> LiveDeliveries()
    {
        var sentAt = new Dictionary<int, DateTimeOffset>();
        return Enumerable.Range(0, KnownTraffic.LiveMessages)
            .Concat(Enumerable.Range(0, KnownTraffic.Duplicates))
            .Select(k => KnownTraffic.Live(k, sentAt.TryGetValue(k, out var first) ? first : sentAt[k] = DateTimeOffset.UtcNow))
            .Concat(Enumerable.Range(0, KnownTraffic.Invalid).Select(KnownTraffic.InvalidMessage));
    }

    private Task<long> StoredLiveAsync() => ScalarAsync<long>("SELECT count(*) FROM messages WHERE message_id LIKE 'live-%'");

    private Dictionary<string, string> Broker(Dictionary<string, string> settings)
    {
        settings["RabbitMq__Host"] = _broker.Server.Host;
        settings["RabbitMq__Port"] = _broker.Server.Port.ToString(CultureInfo.InvariantCulture);
        settings["RabbitMq__VirtualHost"] = _broker.Name;
        settings["RabbitMq__Username"] = _broker.Server.Username;
        settings["RabbitMq__Password"] = _broker.Server.Password;
        return settings;
    }
}
