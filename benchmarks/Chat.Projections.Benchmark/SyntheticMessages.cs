using Npgsql;
using NpgsqlTypes;

namespace Chat.Projections.Benchmark;

/// <summary>
/// Fills the log up to a size with synthetic messages, by binary COPY. Row i is always the same
/// message (deterministic ids, users, rooms; one message every 250 ms from 2025-01-01), so a
/// database loaded to 1M and then to 10M holds the same rows as one loaded to 10M at once.
/// </summary>
public static class SyntheticMessages
{
    private static readonly DateTimeOffset Epoch = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task FillAsync(NpgsqlDataSource admin, long target, int users, int rooms)
    {
        var existing = await CountAsync(admin);
        if (existing >= target)
        {
            return;
        }

        Console.WriteLine($"Loading messages {existing:N0} .. {target:N0} with COPY");
        var started = DateTime.UtcNow;
        await using var connection = await admin.OpenConnectionAsync();
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY messages (message_id, room_id, user_id, username, content, message_type, \"timestamp\", created_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = existing; i < target; i++)
            {
                var mixed = Mix((ulong)i);
                var user = (int)(mixed % (ulong)users) + 1;
                var at = Epoch.AddMilliseconds(i * 250);
                await copy.StartRowAsync();
                await copy.WriteAsync($"bench-{i:D12}", NpgsqlDbType.Varchar);
                await copy.WriteAsync((int)((mixed >> 32) % (ulong)rooms) + 1, NpgsqlDbType.Integer);
                await copy.WriteAsync(user.ToString(), NpgsqlDbType.Varchar);
                await copy.WriteAsync($"user{user}", NpgsqlDbType.Varchar);
                await copy.WriteAsync($"Synthetic benchmark message number {i} with some ordinary chat text", NpgsqlDbType.Text);
                await copy.WriteAsync("TEXT", NpgsqlDbType.Varchar);
                await copy.WriteAsync(at, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(at.AddMilliseconds(40), NpgsqlDbType.TimestampTz);
            }

            await copy.CompleteAsync();
        }

        await using (var analyze = new NpgsqlCommand("VACUUM ANALYZE messages", connection))
        {
            analyze.CommandTimeout = 0;
            await analyze.ExecuteNonQueryAsync();
        }

        var seconds = (DateTime.UtcNow - started).TotalSeconds;
        Console.WriteLine($"Loaded {target - existing:N0} messages in {seconds:F0} s ({(target - existing) / seconds:N0} rows/s)");
    }

    public static async Task<long> CountAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM messages");
        command.CommandTimeout = 0;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    // SplitMix64: spreads consecutive row numbers over users and rooms.
    private static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EB;
        return x ^ (x >> 31);
    }
}
