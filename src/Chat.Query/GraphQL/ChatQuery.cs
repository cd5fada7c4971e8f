using System.ComponentModel;
using Chat.Query.Access;
using Chat.Query.Options;
using Chat.Query.Reads;
using GraphQL;
using GraphQL.Types.Relay.DataObjects;
using Microsoft.Extensions.Options;

namespace Chat.Query.GraphQL;

/// <summary>The root of every query (type-first: each method is a field, its parameters the arguments).</summary>
[Name("Query")]
[Description("Chat history from the event log, and analytics from the views refreshed by Chat.Projections.")]
public sealed class ChatQuery
{
    private const string FirstDescription = "How many messages to return: 0 up to the server's page-size cap (1000 unless configured otherwise).";
    private const string AfterDescription = "Continue after this cursor (a previous page's pageInfo.endCursor); omit for the newest messages.";

    [Description("A room's messages in a time range, newest first, a page at a time. Fails with UNKNOWN_ROOM for a room that has no messages at all.")]
    [Authorize(Roles = ChatRoles.MessageReaders)]
    [ReadsDatabase]
    public static async Task<Connection<ChatMessage>> RoomTimeline(
        [FromServices] RoomTimelineReader reader,
        [FromServices] IOptions<QueryOptions> options,
        [FromServices] CallerAccess access,
        IResolveFieldContext context,
        [Description("The room (a positive number).")] int roomId,
        [Description("Only messages sent at or after this instant.")] DateTimeOffset? since,
        [Description("Only messages sent before this instant.")] DateTimeOffset? until,
        [Description(FirstDescription)] int first = 50,
        [Description(AfterDescription)] string? after = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentRules.RoomId(roomId);
        access.Rooms(context.User).Demand(roomId);
        var range = ArgumentRules.Range(since, until);
        var page = ArgumentRules.Page(first, after, options.Value);
        var messages = await reader.ReadAsync(roomId, range, page, cancellationToken);
        if (messages.Messages.Count == 0 && page.After is null && first > 0
            && !await reader.RoomExistsAsync(roomId, cancellationToken))
        {
            throw new QueryError(ErrorCodes.UnknownRoom, $"Room {roomId} has no messages: there is no such room.");
        }

        return MessageConnections.From(messages, page);
    }

    [Description("A user's messages, optionally in one room and a time range, newest first, a page at a time. A user who never posted has an empty history. A token limited to some rooms sees only the messages in those.")]
    [Authorize(Roles = ChatRoles.MessageReaders)]
    [ReadsDatabase]
    public static async Task<Connection<ChatMessage>> UserHistory(
        [FromServices] UserHistoryReader reader,
        [FromServices] IOptions<QueryOptions> options,
        [FromServices] CallerAccess access,
        IResolveFieldContext context,
        [Description("The user.")] string userId,
        [Description("Only messages in this room.")] int? roomId,
        [Description("Only messages sent at or after this instant.")] DateTimeOffset? since,
        [Description("Only messages sent before this instant.")] DateTimeOffset? until,
        [Description(FirstDescription)] int first = 50,
        [Description(AfterDescription)] string? after = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentRules.Required(userId, nameof(userId));
        var rooms = access.Rooms(context.User);
        if (roomId is { } room)
        {
            ArgumentRules.RoomId(room);
            rooms.Demand(room);
        }

        var range = ArgumentRules.Range(since, until);
        var page = ArgumentRules.Page(first, after, options.Value);
        return MessageConnections.From(await reader.ReadAsync(userId, roomId, rooms.AsArray(), range, page, cancellationToken), page);
    }

    [Description("How many distinct users posted in a time window (exact, from the event log). The window may be at most 31 days unless configured otherwise.")]
    [Authorize(Roles = ChatRoles.AnalyticsReaders)]
    [ReadsDatabase]
    public static Task<ActiveUsers> ActiveUsers(
        [FromServices] ActiveUsersReader reader,
        [FromServices] IOptions<QueryOptions> options,
        [Description("Start of the window (inclusive).")] DateTimeOffset since,
        [Description("End of the window (exclusive).")] DateTimeOffset until,
        CancellationToken cancellationToken = default)
    {
        ArgumentRules.Window(since, until, options.Value);
        return reader.ReadAsync(since, until, cancellationToken);
    }

    [Description("The rooms a user posted in, with their message count and activity there, most recently active first. Empty for a user who never posted; only the token's rooms for a token limited to some.")]
    [Authorize(Roles = ChatRoles.MessageReaders)]
    [ReadsDatabase]
    public static async Task<IReadOnlyList<UserRoom>> UserRooms(
        [FromServices] UserRoomsReader reader,
        [FromServices] CallerAccess access,
        IResolveFieldContext context,
        [Description("The user.")] string userId,
        CancellationToken cancellationToken = default)
    {
        ArgumentRules.Required(userId, nameof(userId));
        var rooms = access.Rooms(context.User);
        var userRooms = await reader.ReadAsync(userId, cancellationToken);
        return rooms.Rooms is null ? userRooms : userRooms.Where(r => rooms.Allows(r.RoomId)).ToList();
    }

    [Description("One message by its id; null when there is no such message. Fails with ROOM_FORBIDDEN for a message in a room the token does not grant.")]
    [Authorize(Roles = ChatRoles.MessageReaders)]
    [ReadsDatabase]
    public static async Task<ChatMessage?> Message(
        [FromServices] MessageReader reader,
        [FromServices] CallerAccess access,
        IResolveFieldContext context,
        [Id, Description("The message's id.")] string id,
        CancellationToken cancellationToken = default)
    {
        var message = await reader.ReadAsync(id, cancellationToken);
        if (message is not null)
        {
            access.Rooms(context.User).Demand(message.RoomId);
        }

        return message;
    }

    [Description("Analytics from the materialized views: fast, and as fresh as their latest refresh (each result says how fresh).")]
    [Authorize(Roles = ChatRoles.AnalyticsReaders)]
    public static AnalyticsQuery Analytics() => AnalyticsQuery.Instance;

    [Description("The write path's health and the ingest's throughput and lag, sampled by this service every few seconds (for a pipeline panel).")]
    [Authorize(Roles = ChatRoles.PipelineReaders)]
    public static PipelineQuery Pipeline() => PipelineQuery.Instance;
}
