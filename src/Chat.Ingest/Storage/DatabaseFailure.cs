using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace Chat.Ingest.Storage;

/// <summary>What a failed write says about its cause (docs/INGEST.md, "Failures", has the table by SQLSTATE class).</summary>
public enum FailureCause
{
    /// <summary>The database is away, restarting, overloaded, lost a race or is misconfigured: the same write succeeds later, so the batch is held and written again.</summary>
    Systemic,

    /// <summary>Something in the rows themselves: the delivery at fault is found and recorded alone, the rest of its batch stored.</summary>
    Delivery,

    /// <summary>Neither: a bug. The batch goes back to its queue (bounded by the delivery limit; the kill switch stops a looping endpoint).</summary>
    Unexpected,
}

/// <summary>Sorts write failures by cause: hold the batch, isolate a delivery, or fault.</summary>
public static class DatabaseFailure
{
    public static FailureCause Classify(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres:
                    return IsDataError(postgres) ? FailureCause.Delivery : FailureCause.Systemic;
                // Thrown by Npgsql while encoding a parameter or a COPY value, before anything reaches
                // the server: the value cannot be written at all, whenever it is tried.
                case EncoderFallbackException or InvalidCastException or OverflowException or ArgumentException:
                    return FailureCause.Delivery;
            }
        }

        return exception is NpgsqlException or SocketException or IOException or TimeoutException
            ? FailureCause.Systemic
            : FailureCause.Unexpected;
    }

    /// <summary>The database is away or the write lost a race: hold the batch and write it again.</summary>
    public static bool IsTransient(Exception exception) => Classify(exception) == FailureCause.Systemic;

    /// <summary>The rows are at fault: find the delivery and record it alone.</summary>
    public static bool IsDeliveryFault(Exception exception) => Classify(exception) == FailureCause.Delivery;

    /// <summary>
    /// SQLSTATE class 22 (data exception), 23 (integrity constraint violation) or 54 (program limit
    /// exceeded, e.g. 54000 "index row size exceeds btree maximum"): the row itself is refused,
    /// and will be every time. Every other class (08 connection, 40 serialization/deadlock, 53
    /// resources, 57 operator intervention, 58 system, 42 a missing grant or table, ...) is about the
    /// database, not the row.
    /// </summary>
    public static bool IsDataError(Exception exception) =>
        exception is PostgresException { SqlState: ['2', '2' or '3', ..] or ['5', '4', ..] };
}
