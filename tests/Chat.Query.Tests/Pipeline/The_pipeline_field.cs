using System.Globalization;
using System.Text.Json;
using Chat.Query.Tests.Fixtures;
using Microsoft.Extensions.Options;

namespace Chat.Query.Tests.Pipeline;

/// <summary>
/// pipeline { services ingest } as the dashboard reads it: the real sampler inside the service,
/// checking stand-in services over real HTTP every 100 ms.
/// </summary>
public sealed class The_pipeline_field : IAsyncLifetime
{
    // The schema and the pipeline need no database; the connection string is never opened.
    private const string NoDatabase = "Host=127.0.0.1;Database=unused";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private const string ServicesQuery = "{ pipeline { services { name kind address state since lastCheckedAt lastError lastErrorAt } } }";
    private const string IngestQuery = """
        { pipeline { ingest(lastMinutes: 1) {
            lastMinutes instances coveredSeconds stored duplicates rejected storedPerSecond
            lagP50Seconds lagP95Seconds lagP99Seconds lagBucketBoundsSeconds
            samples { at intervalSeconds storedPerSecond lagP50Seconds instancesAnswering instancesConsuming }
        } } }
        """;

    private readonly List<IAsyncDisposable> _running = [];

    [Fact]
    public async Task Without_configured_services_each_is_listed_once_as_not_configured()
    {
        var client = Start();

        var data = await client.DataAsync(ServicesQuery);
        var services = data.GetProperty("pipeline").GetProperty("services").EnumerateArray().ToList();

        Assert.Equal(["Chat.Ingest:INGEST:NOT_CONFIGURED", "Chat.Projections:PROJECTIONS:NOT_CONFIGURED"],
            services.Select(s => $"{s.GetProperty("name").GetString()}:{s.GetProperty("kind").GetString()}:{s.GetProperty("state").GetString()}"));
        Assert.All(services, s => Assert.Equal(JsonValueKind.Null, s.GetProperty("address").ValueKind));
        var ingest = (await client.DataAsync("{ pipeline { ingest { instances stored storedPerSecond lagP95Seconds samples { at } } } }"))
            .GetProperty("pipeline").GetProperty("ingest");
        Assert.Equal(0, ingest.GetProperty("instances").GetInt32());
        Assert.Equal(0, ingest.GetProperty("samples").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, ingest.GetProperty("storedPerSecond").ValueKind);
    }

    [Fact]
    public async Task The_ingests_throughput_and_lag_come_from_the_difference_of_its_scrapes()
    {
        var ingest = await StandInAsync();
        ingest.Metrics = IngestScrape(stored: 0, lagUnder50Ms: 0, lagUnder100Ms: 0, lagUnder250Ms: 0);
        var client = Start(("Pipeline:Ingest:0", ingest.Address.AbsoluteUri));
        await UntilAsync(client, IngestQuery, d => Ingest(d).GetProperty("samples").GetArrayLength() > 0);

        // 1000 messages stored: 900 within 100 ms of being sent (none within 50 ms), the rest within 250 ms.
        ingest.Metrics = IngestScrape(stored: 1000, lagUnder50Ms: 0, lagUnder100Ms: 900, lagUnder250Ms: 1000);
        var data = await UntilAsync(client, IngestQuery, d => Ingest(d).GetProperty("stored").GetInt64() == 1000);

        var traffic = Ingest(data);
        Assert.Equal(1, traffic.GetProperty("instances").GetInt32());
        Assert.Equal(1, traffic.GetProperty("lastMinutes").GetInt32());
        Assert.Equal(0.05 + 0.05 * 500 / 900, traffic.GetProperty("lagP50Seconds").GetDouble(), 9);
        Assert.Equal(0.1 + 0.15 * (990 - 900) / 100, traffic.GetProperty("lagP99Seconds").GetDouble(), 9);
        Assert.Equal([0.05, 0.1, 0.25], traffic.GetProperty("lagBucketBoundsSeconds").EnumerateArray().Select(b => b.GetDouble()));
        Assert.Equal(1000 / traffic.GetProperty("coveredSeconds").GetDouble(), traffic.GetProperty("storedPerSecond").GetDouble(), 6);
        var busy = Assert.Single(traffic.GetProperty("samples").EnumerateArray(), s => s.GetProperty("storedPerSecond").GetDouble() > 0);
        Assert.Equal(1000 / busy.GetProperty("intervalSeconds").GetDouble(), busy.GetProperty("storedPerSecond").GetDouble(), 6);
        Assert.Equal(1, busy.GetProperty("instancesConsuming").GetInt32());
        Assert.All(traffic.GetProperty("samples").EnumerateArray().Where(s => s.GetProperty("storedPerSecond").GetDouble() == 0),
            quiet => Assert.Equal(JsonValueKind.Null, quiet.GetProperty("lagP50Seconds").ValueKind));
    }

    [Fact]
    public async Task Several_ingest_instances_are_added_up_and_listed_one_by_one()
    {
        var first = await StandInAsync();
        var second = await StandInAsync();
        first.Metrics = IngestScrape(stored: 100, lagUnder50Ms: 100, lagUnder100Ms: 100, lagUnder250Ms: 100);
        second.Metrics = IngestScrape(stored: 0, lagUnder50Ms: 0, lagUnder100Ms: 0, lagUnder250Ms: 0);
        var client = Start(("Pipeline:Ingest:0", first.Address.AbsoluteUri), ("Pipeline:Ingest:1", second.Address.AbsoluteUri));
        await UntilAsync(client, IngestQuery, d => Ingest(d).GetProperty("samples").GetArrayLength() > 0);

        first.Metrics = IngestScrape(stored: 700, lagUnder50Ms: 700, lagUnder100Ms: 700, lagUnder250Ms: 700);
        second.Metrics = IngestScrape(stored: 400, lagUnder50Ms: 0, lagUnder100Ms: 0, lagUnder250Ms: 400);
        var data = await UntilAsync(client, IngestQuery, d => Ingest(d).GetProperty("stored").GetInt64() == 1000);

        Assert.Equal(2, Ingest(data).GetProperty("instances").GetInt32());
        // 600 of the 1000 within 50 ms: the median is inside the first bucket.
        Assert.Equal(0.05 * 500 / 600, Ingest(data).GetProperty("lagP50Seconds").GetDouble(), 9);
        var services = (await client.DataAsync(ServicesQuery)).GetProperty("pipeline").GetProperty("services").EnumerateArray()
            .Select(s => $"{s.GetProperty("name").GetString()}:{s.GetProperty("state").GetString()}:{s.GetProperty("address").GetString()}");
        Assert.Equal([$"Chat.Ingest 1:UP:{first.Address}", $"Chat.Ingest 2:UP:{second.Address}", "Chat.Projections:NOT_CONFIGURED:"], services);
    }

    [Fact]
    public async Task A_stopped_service_is_down_since_the_first_check_that_found_it_stopped()
    {
        var projections = await StandInAsync(keep: false);
        var client = Start(("Pipeline:Projections:0", projections.Address.AbsoluteUri));
        var up = Projections(await UntilAsync(client, ServicesQuery, d => State(Projections(d)) == "UP"));

        var stoppedAt = DateTimeOffset.UtcNow;
        await projections.DisposeAsync();
        var down = Projections(await UntilAsync(client, ServicesQuery, d => State(Projections(d)) == "DOWN"));

        Assert.True(down.GetProperty("since").GetDateTimeOffset() >= stoppedAt.AddMilliseconds(-50), down.ToString());
        Assert.True(up.GetProperty("since").GetDateTimeOffset() < down.GetProperty("since").GetDateTimeOffset());
        Assert.Contains("connection refused", down.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.True(down.GetProperty("lastCheckedAt").GetDateTimeOffset() >= down.GetProperty("since").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_service_that_answers_but_whose_database_does_not_is_not_ready_and_says_why()
    {
        var projections = await StandInAsync();
        projections.Ready = false;
        var client = Start(("Pipeline:Projections:0", projections.Address.AbsoluteUri));

        var service = Projections(await UntilAsync(client, ServicesQuery, d => State(Projections(d)) == "NOT_READY"));

        Assert.Equal("/health/ready answered 503: postgres: PostgreSQL does not answer", service.GetProperty("lastError").GetString());
    }

    [Fact]
    public async Task An_address_whose_metrics_are_not_the_ingests_is_not_ready_and_says_so()
    {
        var notAnIngest = await StandInAsync();
        notAnIngest.Metrics = "# TYPE http_requests_total counter\nhttp_requests_total 5\n";
        var client = Start(("Pipeline:Ingest:0", notAnIngest.Address.AbsoluteUri));

        var data = await UntilAsync(client, ServicesQuery, d => State(Service(d, "INGEST")) == "NOT_READY");

        Assert.Equal("/metrics has no chat_ingest_batches_total: is this Chat.Ingest?", Service(data, "INGEST").GetProperty("lastError").GetString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    public async Task A_window_outside_the_kept_history_is_refused_in_words(int minutes)
    {
        var client = Start();

        var answer = await client.QueryAsync($"{{ pipeline {{ ingest(lastMinutes: {minutes}) {{ stored }} }} }}");

        Assert.Equal("INVALID_ARGUMENT", answer.ErrorCode);
        Assert.Equal($"'lastMinutes' must be from 1 to 15 (the history this server keeps); it was {minutes}.", answer.ErrorMessage);
    }

    [Theory]
    [InlineData("127.0.0.1:8080")]
    [InlineData("ftp://127.0.0.1/")]
    [InlineData("/ingest")]
    public void A_service_address_that_is_not_an_absolute_http_url_stops_the_service_at_start(string address)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Start(("Pipeline:Ingest:0", address)));

        Assert.Contains($"Pipeline:Ingest:0 is '{address}': give the service's base address as an absolute http or https URL", error.Message, StringComparison.Ordinal);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var running in Enumerable.Reverse(_running))
        {
            await running.DisposeAsync();
        }
    }

    private GraphQLClient Start(params (string Key, string Value)[] settings)
    {
        var service = new QueryServiceFactory(NoDatabase, new Dictionary<string, string>(settings.Select(s => KeyValuePair.Create(s.Key, s.Value)))
        {
            ["Pipeline:SampleInterval"] = "00:00:00.100",
        });
        _running.Add(service);
        return service.CreateGraphQLClient();
    }

    private async Task<ServiceStandIn> StandInAsync(bool keep = true)
    {
        var standIn = await ServiceStandIn.StartAsync();
        if (keep)
        {
            _running.Add(standIn);
        }

        return standIn;
    }

    private static async Task<JsonElement> UntilAsync(GraphQLClient client, string query, Func<JsonElement, bool> condition)
    {
        var data = default(JsonElement);
        await Poll.UntilAsync(async () => condition(data = await client.DataAsync(query)), Patience, () => Task.FromResult(data.ToString()), TimeSpan.FromMilliseconds(50));
        return data;
    }

    private static JsonElement Ingest(JsonElement data) => data.GetProperty("pipeline").GetProperty("ingest");

    private static JsonElement Projections(JsonElement data) => Service(data, "PROJECTIONS");

    private static JsonElement Service(JsonElement data, string kind) =>
        data.GetProperty("pipeline").GetProperty("services").EnumerateArray().Single(s => s.GetProperty("kind").GetString() == kind);

    private static string? State(JsonElement service) => service.GetProperty("state").GetString();

    private static string IngestScrape(double stored, double lagUnder50Ms, double lagUnder100Ms, double lagUnder250Ms) => string.Create(CultureInfo.InvariantCulture, $$"""
        # TYPE chat_ingest_messages_stored_total counter
        chat_ingest_messages_stored_total {{stored}}
        chat_ingest_batches_total {{stored / 100}}
        chat_ingest_consumer_state 1
        chat_ingest_end_to_end_lag_seconds_sum 0
        chat_ingest_end_to_end_lag_seconds_count {{lagUnder250Ms}}
        chat_ingest_end_to_end_lag_seconds_bucket{le="0.05"} {{lagUnder50Ms}}
        chat_ingest_end_to_end_lag_seconds_bucket{le="0.1"} {{lagUnder100Ms}}
        chat_ingest_end_to_end_lag_seconds_bucket{le="0.25"} {{lagUnder250Ms}}
        chat_ingest_end_to_end_lag_seconds_bucket{le="+Inf"} {{lagUnder250Ms}}

        """);
}
