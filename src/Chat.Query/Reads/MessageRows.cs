using Npgsql;

namespace Chat.Query.Reads;

/// <summary>How the message readers turn rows into messages and pages.</summary>
internal static class MessageRows
{
    /// <summary>The columns every message query selects, in this order.</summary>
    public const string Columns = """message_id, room_id, user_id, username, content, message_type, "timestamp" """;

    public static ChatMessage Map(NpgsqlDataReader row) => new(
        row.GetString(0),
        row.GetInt32(1),
        row.GetString(2),
        row.IsDBNull(3) ? null : row.GetString(3),
        row.GetString(4),
        row.IsDBNull(5) ? null : row.GetString(5),
        ReadDatabase.ReadTimestamp(row, 6));

    /// <summary>The queries fetch one row more than asked for: its presence says another page follows.</summary>
    public static MessagePage ToPage(IReadOnlyList<ChatMessage> rows, int first) =>
        rows.Count > first ? new MessagePage(rows.Take(first).ToList(), true) : new MessagePage(rows, false);

    public static NpgsqlParameter[] KeysetParameters(TimeRange range, PageRequest page) =>
    [
        ReadDatabase.Timestamp(range.Since),
        ReadDatabase.Timestamp(range.Until),
        ReadDatabase.Timestamp(page.After?.Timestamp),
        ReadDatabase.NullableText(page.After?.MessageId),
        ReadDatabase.Parameter(page.First + 1),
    ];
}
