using Npgsql;

namespace Chat.Schema.Tests;

/// <summary>What a database's schema is, read from the catalog, one line per fact.</summary>
internal static class SchemaCatalog
{
    private const string Sql = """
        SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type
               || coalesce('(' || character_maximum_length || ')', '') || ' null=' || is_nullable
               || ' default=' || coalesce(column_default, '')
        FROM information_schema.columns WHERE table_schema = 'public'
        UNION ALL
        SELECT 'index ' || indexname || ': ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
        UNION ALL
        SELECT 'constraint ' || conrelid::regclass || '.' || conname || ': ' || pg_get_constraintdef(oid)
        FROM pg_constraint WHERE connamespace = 'public'::regnamespace
        UNION ALL
        SELECT 'view ' || matviewname || ' owner=' || matviewowner || ': ' || definition
        FROM pg_matviews WHERE schemaname = 'public'
        UNION ALL
        SELECT 'grant ' || grantee || ' ' || privilege_type || ' on ' || table_name
        FROM information_schema.role_table_grants WHERE table_schema = 'public' AND grantee LIKE 'chat_%'
        UNION ALL
        SELECT 'journal ' || scriptname FROM public.schema_versions
        ORDER BY 1
        """;

    public static Task<IReadOnlyList<string>> ReadAsync(PostgresDatabase database) => database.ColumnAsync<string>(Sql);

    public static async Task<string?> IndexDefinitionAsync(PostgresDatabase database, string index) =>
        await database.ScalarAsync<string>("SELECT indexdef FROM pg_indexes WHERE indexname = $1", index);

    public static async Task<PostgresException> FailsAsync(PostgresDatabase database, DatabaseRole role, string sql) =>
        await Assert.ThrowsAsync<PostgresException>(() => database.ExecuteAsync(sql, role));
}
