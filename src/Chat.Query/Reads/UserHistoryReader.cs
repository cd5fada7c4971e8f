namespace Chat.Query.Reads;

/// <summary>A user's messages, optionally in one room and a time range, newest first, one keyset page at a time.</summary>
public sealed class UserHistoryReader(ReadDatabase database)
{
    // One range scan of idx_messages_user_time (user_id, "timestamp" DESC, message_id DESC)
    // INCLUDE (room_id, ...): the optional room filter and the caller's rooms ($8, NULL for every
    // room) are checked inside the index-only scan.
    internal const string Sql = $"""
        SELECT {MessageRows.Columns}
        FROM messages
        WHERE user_id = $1
          AND ($2::integer IS NULL OR room_id = $2)
          AND "timestamp" >= coalesce($3, '-infinity'::timestamptz)
          AND "timestamp" < coalesce($4, 'infinity'::timestamptz)
          AND ($5::timestamptz IS NULL OR ("timestamp", message_id) < ($5, $6::varchar))
          AND ($8::integer[] IS NULL OR room_id = ANY ($8))
        ORDER BY "timestamp" DESC, message_id DESC
        LIMIT $7
        """;

    public async Task<MessagePage> ReadAsync(string userId, int? roomId, int[]? allowedRooms, TimeRange range, PageRequest page,
        CancellationToken cancellationToken)
    {
        var rows = await database.ListAsync(Sql, MessageRows.Map, cancellationToken,
            [ReadDatabase.Parameter(userId), ReadDatabase.NullableInteger(roomId), .. MessageRows.KeysetParameters(range, page),
                ReadDatabase.NullableIntegers(allowedRooms)]);
        return MessageRows.ToPage(rows, page.First);
    }
}
