using Chat.Query.Options;
using Chat.Query.Reads;
using Chat.ServiceDefaults;

namespace Chat.Query.Extensions;

public static class QueryReadsExtensions
{
    /// <summary>The read-only data source (ConnectionStrings:Chat, which may point at a replica), the limits, and one reader per query.</summary>
    public static WebApplicationBuilder AddChatReads(this WebApplicationBuilder builder)
    {
        builder.AddChatDataSource("Chat", QueryDataSource.Configure);
        builder.Services.AddOptions<QueryOptions>().BindConfiguration(QueryOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ReadDatabase>();
        builder.Services.AddSingleton<RoomTimelineReader>();
        builder.Services.AddSingleton<UserHistoryReader>();
        builder.Services.AddSingleton<MessageReader>();
        builder.Services.AddSingleton<ActiveUsersReader>();
        builder.Services.AddSingleton<UserRoomsReader>();
        builder.Services.AddSingleton<TopUsersReader>();
        builder.Services.AddSingleton<TopRoomsReader>();
        builder.Services.AddSingleton<HourlyActivityReader>();
        builder.Services.AddSingleton<TotalsReader>();
        builder.Services.AddSingleton<ViewFreshnessReader>();
        return builder;
    }
}
