using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Chat.LoadTest.Publishing;
using Chat.LoadTest.Traffic;
using Chat.LoadTest.Verification;
using Npgsql;

namespace Chat.LoadTest.Tests;

/// <summary>
/// The end-of-run queries against the real PostgreSQL, read as chat_query. The rows are written
/// here as the ingest would write them, so each test can leave out, misfile or add exactly one.
/// </summary>
public sealed class Verifying_a_run_in_the_database(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly DateTimeOffset RunStart = new(2025, 11, 20, 21, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_run_stored_exactly_once_passes_and_its_lag_is_exact_per_second()
    {
        var (traffic, ledger, sends) = Publish("ok1", 2_000);
        await StoreAsync(sends, RunStart);

        var (verdict, _) = await JudgeAsync(traffic, ledger);
        await using var dataSource = QueryRole();
        var lag = await new RunDatabase(dataSource).LagAsync(traffic.IdRangeStart, traffic.IdRangeEnd, RunStart, CancellationToken.None);

        Assert.True(verdict.Passed, string.Join("\n", verdict.Failures));
        Assert.Equal(ledger.PublishedOriginals().Count(), lag.Rows);
        Assert.Equal(0.25, lag.P50, 6); // every row committed 250 ms after its timestamp
        Assert.Equal(0.25, lag.Max, 6);
        Assert.Equal(lag.Rows, lag.PerSecond.Sum(s => s.Rows));
    }

    [Fact]
    public async Task A_lost_message_fails_the_run()
    {
        var (traffic, ledger, sends) = Publish("lost1", 500);
        await StoreAsync(sends, RunStart);
        await database.ExecuteAsync($"DELETE FROM messages WHERE message_id = '{traffic.MessageId(ledger.PublishedOriginals().Skip(10).First())}'");

        var (verdict, observed) = await JudgeAsync(traffic, ledger);

        Assert.False(verdict.Passed);
        Assert.Equal(ledger.PublishedOriginals().Count() - 1, observed.Stored.Messages);
    }

    [Fact]
    public async Task A_misfiled_message_fails_the_run_though_the_count_is_right()
    {
        var (traffic, ledger, sends) = Publish("room1", 500);
        await StoreAsync(sends, RunStart);
        var moved = traffic.MessageId(ledger.PublishedOriginals().First());
        await database.ExecuteAsync($"UPDATE messages SET room_id = room_id % 20 + 1 WHERE message_id = '{moved}'");

        var (verdict, _) = await JudgeAsync(traffic, ledger);

        Assert.False(verdict.Passed);
        Assert.Contains(verdict.Failures, f => f.Contains("not in the right rooms", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_invalid_message_missing_from_rejected_messages_fails_the_run()
    {
        var (traffic, ledger, sends) = Publish("rej1", 2_000);
        await StoreAsync(sends, RunStart, skipRejects: 1);

        var (verdict, observed) = await JudgeAsync(traffic, ledger);

        Assert.False(verdict.Passed);
        Assert.Equal(ledger.ConfirmedInvalid - 1, observed.Rejected);
    }

    [Fact]
    public async Task Another_runs_rows_are_not_counted()
    {
        var (traffic, ledger, sends) = Publish("mine", 300);
        var (_, _, others) = Publish("mine2", 300);
        await StoreAsync(sends, RunStart);
        await StoreAsync(others, RunStart);

        var (verdict, _) = await JudgeAsync(traffic, ledger);

        Assert.True(verdict.Passed, string.Join("\n", verdict.Failures));
    }

    private static (LoadTraffic Traffic, PublishLedger Ledger, List<OutgoingMessage> Sends) Publish(string runId, int count)
    {
        var traffic = new LoadTraffic(new TrafficSettings { RunId = runId, DuplicateShare = 0.05, InvalidShare = 0.01 });
        var ledger = new PublishLedger();
        var sends = Enumerable.Range(0, count).Select(i => traffic.Create(i, RunStart.AddMilliseconds(i))).ToList();
        sends.ForEach(ledger.RecordConfirmed);
        return (traffic, ledger, sends);
    }

    /// <summary>What the ingest does: each original once (the first copy wins), each invalid payload into rejected_messages.</summary>
    private async Task StoreAsync(List<OutgoingMessage> sends, DateTimeOffset start, int skipRejects = 0)
    {
        await using var dataSource = database.CreateDataSource(DatabaseRole.Ingest);
        await using var batch = dataSource.CreateBatch();
        foreach (var send in sends.Where(s => s.Kind != MessageKind.Invalid).DistinctBy(s => s.OriginalIndex))
        {
            var json = JsonDocument.Parse(send.Body).RootElement;
            var timestamp = start.AddMilliseconds(send.Sequence);
            batch.BatchCommands.Add(new NpgsqlBatchCommand("""
                INSERT INTO messages (message_id, room_id, user_id, username, content, message_type, "timestamp", created_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (message_id) DO NOTHING
                """)
            {
                Parameters =
                {
                    new() { Value = json.GetProperty("messageId").GetString() },
                    new() { Value = int.Parse(json.GetProperty("roomId").GetString()!) },
                    new() { Value = json.GetProperty("userId").GetString() },
                    new() { Value = json.GetProperty("username").GetString() },
                    new() { Value = json.GetProperty("message").GetString() },
                    new() { Value = json.GetProperty("messageType").GetString()!.ToUpperInvariant() },
                    new() { Value = timestamp },
                    new() { Value = timestamp.AddMilliseconds(250) },
                },
            });
        }

        foreach (var send in sends.Where(s => s.Kind == MessageKind.Invalid).Skip(skipRejects))
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("""
                INSERT INTO rejected_messages (payload, payload_sha256, reason, detail, received_at) VALUES ($1, $2, 'test', 'test', now())
                """)
            {
                Parameters = { new() { Value = send.Body }, new() { Value = SHA256.HashData(send.Body) } },
            });
        }

        await batch.ExecuteNonQueryAsync();
    }

    private async Task<(ExactlyOnceVerdict Verdict, ObservedOutcome Observed)> JudgeAsync(LoadTraffic traffic, PublishLedger ledger)
    {
        await using var dataSource = QueryRole();
        var run = new RunDatabase(dataSource);
        var observed = new ObservedOutcome(
            await run.StoredByRoomAsync(traffic.IdRangeStart, traffic.IdRangeEnd, CancellationToken.None),
            await run.RejectedCountAsync(ledger.InvalidPayloadHashes, CancellationToken.None),
            QueueDepth: 0,
            ErrorQueueGrowth: 0);
        return (ExactlyOnceVerdict.Judge(ExpectedOutcome.From(ledger, traffic), observed), observed);
    }

    private NpgsqlDataSource QueryRole() => database.CreateDataSource(DatabaseRole.Query);
}
