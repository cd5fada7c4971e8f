using Chat.LoadTest.Seeding;

namespace Chat.LoadTest.Tests;

public sealed class Seeding_the_database(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Loads_every_message_asked_for_and_the_views_see_them()
    {
        await using var dataSource = database.CreateDataSource();
        var seeder = new MessageSeeder(dataSource, TextWriter.Null);
        var settings = new SeedSettings { Messages = 120_001, Users = 5_000, RunId = "seedtest", Writers = 2 };

        await seeder.SeedAsync(settings, CancellationToken.None);
        await seeder.VacuumAnalyzeAsync(CancellationToken.None);
        await seeder.RefreshViewsAsync(CancellationToken.None);

        Assert.Equal(120_001L, await seeder.CountAsync(CancellationToken.None));
        Assert.Equal(120_001L, await database.ScalarAsync<long>("SELECT count(DISTINCT message_id) FROM messages WHERE message_id LIKE 'seedtest-%'"));
        Assert.Equal(120_001L, await database.ScalarAsync<long>("SELECT sum(message_count)::bigint FROM room_stats"));
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM messages WHERE username IS NULL OR message_type IS NULL"));
    }
}
