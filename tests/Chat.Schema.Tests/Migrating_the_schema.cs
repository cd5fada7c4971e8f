using Chat.Migrator;

namespace Chat.Schema.Tests;

public sealed class Migrating_the_schema(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Every_script_is_recorded_in_the_journal_once()
    {
        var journal = await SchemaCatalog.ReadAsync(database);

        var recorded = journal.Where(l => l.StartsWith("journal ", StringComparison.Ordinal)).Select(l => l["journal ".Length..]);
        Assert.Equal(SchemaMigrator.Scripts, recorded);
        Assert.True(SchemaMigrator.Scripts.Count >= 5);
    }

    [Fact]
    public async Task A_second_run_applies_nothing_and_changes_nothing()
    {
        var before = await SchemaCatalog.ReadAsync(database);

        var applied = await database.MigrateAsync();

        Assert.Empty(applied);
        Assert.Equal(before, await SchemaCatalog.ReadAsync(database));
    }
}
