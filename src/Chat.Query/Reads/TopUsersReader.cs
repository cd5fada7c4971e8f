namespace Chat.Query.Reads;

/// <summary>The users with the most messages, from the user_stats view.</summary>
public sealed class TopUsersReader(ReadDatabase database)
{
    // The head of ix_user_stats_top (message_count DESC, user_id).
    internal const string Sql = """
        SELECT user_id, message_count, rooms_participated, first_message, last_message
        FROM user_stats
        ORDER BY message_count DESC, user_id
        LIMIT $1
        """;

    public Task<IReadOnlyList<UserStats>> ReadAsync(int first, CancellationToken cancellationToken) =>
        database.ListAsync(Sql,
            row => new UserStats(row.GetString(0), row.GetInt64(1), row.GetInt64(2),
                ReadDatabase.ReadTimestamp(row, 3), ReadDatabase.ReadTimestamp(row, 4)),
            cancellationToken, ReadDatabase.Parameter(first));
}

/// <summary>One row of user_stats.</summary>
public sealed record UserStats(string UserId, long MessageCount, long RoomsParticipated,
    DateTimeOffset FirstMessageAt, DateTimeOffset LastMessageAt);
