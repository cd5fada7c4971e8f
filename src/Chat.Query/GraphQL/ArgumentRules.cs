using Chat.Query.Options;
using Chat.Query.Reads;

namespace Chat.Query.GraphQL;

/// <summary>Checks the arguments people get wrong and says what is wrong in words, before any SQL runs.</summary>
public static class ArgumentRules
{
    public static PageRequest Page(int first, string? after, QueryOptions options)
    {
        PageSize(first, options, nameof(first));
        if (after is null)
        {
            return new PageRequest(first, null);
        }

        if (!MessageCursor.TryDecode(after, out var cursor))
        {
            throw new QueryError(ErrorCodes.InvalidCursor,
                "'after' is not a cursor of this list: pass the endCursor (or an edge's cursor) of a previous page unchanged.");
        }

        return new PageRequest(first, cursor);
    }

    /// <summary>How many items a list may return: 0 to the server's cap.</summary>
    public static int PageSize(int first, QueryOptions options, string argument = "first")
    {
        if (first < 0)
        {
            throw QueryError.InvalidArgument($"'{argument}' must be zero or more; it was {first}.");
        }

        if (first > options.MaxPageSize)
        {
            throw new QueryError(ErrorCodes.PageSizeLimit,
                $"'{argument}' may be at most {options.MaxPageSize}; it was {first}. Page through larger results with the cursor.");
        }

        return first;
    }

    /// <summary>An optional half-open range [since, until).</summary>
    public static TimeRange Range(DateTimeOffset? since, DateTimeOffset? until)
    {
        if (since is { } s && until is { } u && u <= s)
        {
            throw QueryError.InvalidArgument($"'until' ({u:O}) must be later than 'since' ({s:O}).");
        }

        return new TimeRange(since, until);
    }

    /// <summary>A required window [since, until) no wider than the server allows.</summary>
    public static void Window(DateTimeOffset since, DateTimeOffset until, QueryOptions options)
    {
        Range(since, until);
        if (until - since > options.MaxAnalyticsWindow)
        {
            throw new QueryError(ErrorCodes.WindowTooWide,
                $"The window from 'since' to 'until' may be at most {Describe(options.MaxAnalyticsWindow)}; it was {Describe(until - since)}.");
        }
    }

    public static int RoomId(int roomId, string argument = "roomId")
    {
        if (roomId <= 0)
        {
            throw QueryError.InvalidArgument($"'{argument}' must be a positive room number; it was {roomId}.");
        }

        return roomId;
    }

    public static string Required(string value, string argument)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw QueryError.InvalidArgument($"'{argument}' must not be empty.");
        }

        return value;
    }

    private static string Describe(TimeSpan span) =>
        span.TotalDays >= 1 ? $"{span.TotalDays:0.##} days" : $"{span.TotalHours:0.##} hours";
}
