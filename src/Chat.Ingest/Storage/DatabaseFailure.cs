using System.Net.Sockets;
using Npgsql;

namespace Chat.Ingest.Storage;

/// <summary>Sorts database exceptions into "wait and write the batch again" and "this row can never be stored".</summary>
public static class DatabaseFailure
{
    /// <summary>
    /// The database is away, restarting, overloaded or lost the race (deadlock, serialization):
    /// the same batch will succeed later. Everything that is not a data error counts, so a
    /// misconfiguration (missing grant, dropped table) also holds the batch instead of looping.
    /// </summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        PostgresException postgres => !IsDataError(postgres),
        NpgsqlException or SocketException or IOException or TimeoutException => true,
        _ => false,
    };

    /// <summary>SQLSTATE class 22 (data exception) or 23 (integrity constraint violation): the row itself is refused.</summary>
    public static bool IsDataError(Exception exception) =>
        exception is PostgresException { SqlState: [ '2', '2' or '3', ..] };
}
