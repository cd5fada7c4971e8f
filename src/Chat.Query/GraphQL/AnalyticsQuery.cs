using System.ComponentModel;
using Chat.Query.Options;
using Chat.Query.Reads;
using GraphQL;
using Microsoft.Extensions.Options;

namespace Chat.Query.GraphQL;

/// <summary>The analytics read from the views (type-first, like <see cref="ChatQuery"/>).</summary>
[Name("Analytics")]
[Description("Analytics read from the materialized views user_stats, room_stats and hourly_stats.")]
public sealed class AnalyticsQuery
{
    public static readonly AnalyticsQuery Instance = new();

    private const string TopDescription = "How many to return: 0 up to the server's page-size cap (1000 unless configured otherwise).";

    [Description("The users with the most messages.")]
    [ReadsDatabase]
    public static async Task<TopUsers> TopUsers(
        [FromServices] TopUsersReader reader,
        [FromServices] IOptions<QueryOptions> options,
        [Description(TopDescription)] int first = 10,
        CancellationToken cancellationToken = default) =>
        new(await reader.ReadAsync(ArgumentRules.PageSize(first, options.Value), cancellationToken));

    [Description("The top rooms by messages, by distinct users, or by last activity.")]
    [ReadsDatabase]
    public static async Task<TopRooms> TopRooms(
        [FromServices] TopRoomsReader reader,
        [FromServices] IOptions<QueryOptions> options,
        [Description("The ranking.")] RoomRanking by = RoomRanking.Messages,
        [Description(TopDescription)] int first = 10,
        CancellationToken cancellationToken = default) =>
        new(by, await reader.ReadAsync(by, ArgumentRules.PageSize(first, options.Value), cancellationToken));

    [Description("Messages, users and rooms per UTC hour over a range (at most 31 days unless configured otherwise).")]
    [ReadsDatabase]
    public static async Task<HourlyActivitySeries> HourlyActivity(
        [FromServices] HourlyActivityReader reader,
        [FromServices] IOptions<QueryOptions> options,
        [Description("Start of the range; the hour that contains it is included.")] DateTimeOffset since,
        [Description("End of the range (exclusive).")] DateTimeOffset until,
        CancellationToken cancellationToken = default)
    {
        ArgumentRules.Window(since, until, options.Value);
        return new(since, until, await reader.ReadAsync(since, until, cancellationToken));
    }

    [Description("Messages, rooms and users over the whole log.")]
    [ReadsDatabase]
    public static Task<Totals> Totals([FromServices] TotalsReader reader, CancellationToken cancellationToken = default) =>
        reader.ReadAsync(cancellationToken);

    [Description("How fresh each analytics view is (for a freshness panel); each result above also carries its own views' freshness.")]
    [ReadsDatabase]
    public static Task<IReadOnlyList<ViewFreshness>> Views([FromServices] ViewFreshnessReader reader, CancellationToken cancellationToken = default) =>
        reader.ReadAsync([StatsView.UserStats, StatsView.RoomStats, StatsView.HourlyStats], cancellationToken);
}
