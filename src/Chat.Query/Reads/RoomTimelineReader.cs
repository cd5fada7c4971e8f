namespace Chat.Query.Reads;

/// <summary>A room's messages in a time range, newest first, one keyset page at a time.</summary>
public sealed class RoomTimelineReader(ReadDatabase database)
{
    // One range scan of idx_messages_room_time (room_id, "timestamp" DESC, message_id DESC)
    // INCLUDE (user_id, username, message_type, content): index-only, no sort, stops after
    // $6 entries. Missing bounds become ±infinity and a missing cursor drops the row comparison;
    // the statement is planned with its values, so both fold away before the scan starts.
    internal const string Sql = $"""
        SELECT {MessageRows.Columns}
        FROM messages
        WHERE room_id = $1
          AND "timestamp" >= coalesce($2, '-infinity'::timestamptz)
          AND "timestamp" < coalesce($3, 'infinity'::timestamptz)
          AND ($4::timestamptz IS NULL OR ("timestamp", message_id) < ($4, $5::varchar))
        ORDER BY "timestamp" DESC, message_id DESC
        LIMIT $6
        """;

    // A room exists once it has a message; one index probe.
    private const string RoomExistsSql = "SELECT EXISTS (SELECT FROM messages WHERE room_id = $1)";

    public async Task<MessagePage> ReadAsync(int roomId, TimeRange range, PageRequest page, CancellationToken cancellationToken)
    {
        var rows = await database.ListAsync(Sql, MessageRows.Map, cancellationToken,
            [ReadDatabase.Parameter(roomId), .. MessageRows.KeysetParameters(range, page)]);
        return MessageRows.ToPage(rows, page.First);
    }

    public async Task<bool> RoomExistsAsync(int roomId, CancellationToken cancellationToken) =>
        await database.SingleOrDefaultAsync(RoomExistsSql, row => row.GetBoolean(0), cancellationToken,
            ReadDatabase.Parameter(roomId));
}
