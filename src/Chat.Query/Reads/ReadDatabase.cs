using Chat.Query.Options;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Chat.Query.Reads;

/// <summary>
/// The readers' access to PostgreSQL: one command per unit of work, each on its own pooled
/// connection (so concurrent resolvers never share one), with the statement timeout applied.
/// </summary>
public sealed class ReadDatabase(NpgsqlDataSource dataSource, IOptions<QueryOptions> options)
{
    private readonly int _timeoutSeconds = (int)Math.Ceiling(options.Value.StatementTimeout.TotalSeconds);

    /// <summary>A command on the data source: it takes a connection from the pool when it runs.</summary>
    public NpgsqlCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = dataSource.CreateCommand(sql);
        command.CommandTimeout = _timeoutSeconds;
        command.Parameters.AddRange(parameters);
        return command;
    }

    /// <summary>Runs a query and maps every row.</summary>
    public async Task<IReadOnlyList<T>> ListAsync<T>(string sql, Func<NpgsqlDataReader, T> map,
        CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        await using var command = Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    /// <summary>Runs a query and maps its first row, or returns default when it has none.</summary>
    public async Task<T?> SingleOrDefaultAsync<T>(string sql, Func<NpgsqlDataReader, T> map,
        CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        var rows = await ListAsync(sql, map, cancellationToken, parameters);
        return rows.Count > 0 ? rows[0] : default;
    }

    public static NpgsqlParameter Parameter<T>(T value) => new NpgsqlParameter<T> { TypedValue = value };

    /// <summary>A timestamptz parameter; null stays NULL (the SQL decides what a missing bound means).</summary>
    public static NpgsqlParameter Timestamp(DateTimeOffset? value) => new()
    {
        NpgsqlDbType = NpgsqlDbType.TimestampTz,
        Value = value is { } v ? v.UtcDateTime : DBNull.Value,
    };

    public static NpgsqlParameter Timestamp(DateTime? value) => new()
    {
        NpgsqlDbType = NpgsqlDbType.TimestampTz,
        Value = value is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : DBNull.Value,
    };

    public static NpgsqlParameter NullableInteger(int? value) => new()
    {
        NpgsqlDbType = NpgsqlDbType.Integer,
        Value = value is { } v ? v : DBNull.Value,
    };

    /// <summary>An integer[] parameter; null stays NULL (e.g. "every room").</summary>
    public static NpgsqlParameter NullableIntegers(int[]? value) => new()
    {
        NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer,
        Value = (object?)value ?? DBNull.Value,
    };

    public static NpgsqlParameter NullableText(string? value) => new()
    {
        NpgsqlDbType = NpgsqlDbType.Text,
        Value = (object?)value ?? DBNull.Value,
    };

    public static DateTimeOffset ReadTimestamp(NpgsqlDataReader reader, int ordinal) =>
        new(DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc));

    public static DateTimeOffset? ReadNullableTimestamp(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : ReadTimestamp(reader, ordinal);
}
