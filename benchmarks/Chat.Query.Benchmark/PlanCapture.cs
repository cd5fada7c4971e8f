using System.Diagnostics;
using Chat.Query.Reads;
using Npgsql;

namespace Chat.Query.Benchmark;

/// <summary>
/// EXPLAIN (ANALYZE, BUFFERS) of the hot queries, run with the readers' own SQL and arguments of
/// the kind the service passes, as chat_query; and the keyset-versus-OFFSET baseline.
/// </summary>
public sealed class PlanCapture(BenchmarkSettings settings, DateTimeOffset middle)
{
    private const string MessageColumns = """message_id, room_id, user_id, username, content, message_type, "timestamp" """;

    public async Task<IReadOnlyList<(string Name, string Plan)>> ExplainAsync()
    {
        var plans = new List<(string, string)>
        {
            ("roomTimeline, newest 50 (RoomTimelineReader)", await ExplainAsync(RoomTimelineReader.Sql,
                ReadDatabase.Parameter(7), ReadDatabase.Timestamp((DateTimeOffset?)null), ReadDatabase.Timestamp((DateTimeOffset?)null),
                ReadDatabase.Timestamp((DateTime?)null), ReadDatabase.NullableText(null), ReadDatabase.Parameter(51))),
            ("roomTimeline, 50 after a cursor mid-month (RoomTimelineReader)", await ExplainAsync(RoomTimelineReader.Sql,
                ReadDatabase.Parameter(7), ReadDatabase.Timestamp((DateTimeOffset?)null), ReadDatabase.Timestamp((DateTimeOffset?)null),
                ReadDatabase.Timestamp(middle.UtcDateTime), ReadDatabase.NullableText("f"), ReadDatabase.Parameter(51))),
            ("userHistory, newest 50 (UserHistoryReader)", await ExplainAsync(UserHistoryReader.Sql,
                ReadDatabase.Parameter("4242"), ReadDatabase.NullableInteger(null), ReadDatabase.Timestamp((DateTimeOffset?)null),
                ReadDatabase.Timestamp((DateTimeOffset?)null), ReadDatabase.Timestamp((DateTime?)null), ReadDatabase.NullableText(null),
                ReadDatabase.Parameter(51), ReadDatabase.NullableIntegers(null))),
            ("userRooms (UserRoomsReader)", await ExplainAsync(UserRoomsReader.Sql, ReadDatabase.Parameter("4242"))),
            ("activeUsers, 24-hour window (ActiveUsersReader)", await ExplainAsync(ActiveUsersReader.Sql,
                ReadDatabase.Timestamp(middle), ReadDatabase.Timestamp(middle.AddDays(1)))),
            ("analytics.topUsers (TopUsersReader)", await ExplainAsync(TopUsersReader.Sql, ReadDatabase.Parameter(10))),
            ("analytics.hourlyActivity, 7 days (HourlyActivityReader)", await ExplainAsync(HourlyActivityReader.Sql,
                ReadDatabase.Timestamp(middle), ReadDatabase.Timestamp(middle.AddDays(7)))),
            ("analytics.totals, users counted (TotalsReader, no refresh record)", await ExplainAsync(TotalsReader.Sql, ReadDatabase.Parameter(true))),
        };
        return plans;
    }

    /// <summary>A page 10,000 messages deep in a room: by keyset (what the service does) and by OFFSET (what it avoids).</summary>
    public async Task<(double KeysetMs, double OffsetMs, int Depth)> KeysetVersusOffsetAsync(int samples)
    {
        const int depth = 10_000;
        await using var dataSource = NpgsqlDataSource.Create(BenchmarkSettings.ConnectionString("chat_query"));
        var random = new Random(7);
        var keyset = new List<double>();
        var offset = new List<double>();
        for (var i = 0; i < samples; i++)
        {
            var room = 1 + random.Next(settings.Rooms);
            await using var position = dataSource.CreateCommand(
                """SELECT "timestamp", message_id FROM messages WHERE room_id = $1 ORDER BY "timestamp" DESC, message_id DESC OFFSET $2 LIMIT 1""");
            position.Parameters.Add(ReadDatabase.Parameter(room));
            position.Parameters.Add(ReadDatabase.Parameter(depth - 1));
            await using var reader = await position.ExecuteReaderAsync();
            if (!await reader.ReadAsync())
            {
                continue;
            }

            var (timestamp, id) = (reader.GetDateTime(0), reader.GetString(1));
            keyset.Add(await TimeAsync(dataSource,
                $"""SELECT {MessageColumns} FROM messages WHERE room_id = $1 AND ("timestamp", message_id) < ($2, $3) ORDER BY "timestamp" DESC, message_id DESC LIMIT 50""",
                ReadDatabase.Parameter(room), ReadDatabase.Timestamp(timestamp), ReadDatabase.Parameter(id)));
            offset.Add(await TimeAsync(dataSource,
                $"""SELECT {MessageColumns} FROM messages WHERE room_id = $1 ORDER BY "timestamp" DESC, message_id DESC OFFSET $2 LIMIT 50""",
                ReadDatabase.Parameter(room), ReadDatabase.Parameter(depth)));
        }

        return keyset.Count == 0 ? (0, 0, depth) : (LatencyFigures.Of(keyset).P50, LatencyFigures.Of(offset).P50, depth);
    }

    private static async Task<double> TimeAsync(NpgsqlDataSource dataSource, string sql, params NpgsqlParameter[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddRange(parameters);
        var started = Stopwatch.GetTimestamp();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
            }
        }

        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static async Task<string> ExplainAsync(string sql, params NpgsqlParameter[] parameters)
    {
        await using var dataSource = NpgsqlDataSource.Create(BenchmarkSettings.ConnectionString("chat_query"));
        // Warm once, as the service's steady state is; then the plan that is reported.
        for (var run = 0; run < 2; run++)
        {
            await using var command = dataSource.CreateCommand("EXPLAIN (ANALYZE, BUFFERS) " + sql);
            command.Parameters.AddRange(parameters.Select(p => p.Clone()).ToArray());
            await using var reader = await command.ExecuteReaderAsync();
            var lines = new List<string>();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(0));
            }

            if (run == 1)
            {
                return string.Join('\n', lines);
            }
        }

        throw new UnreachableException();
    }
}
