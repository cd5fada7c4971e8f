using Npgsql;

namespace Chat.Query.Benchmark;

/// <summary>What to load and measure, from the command line (see scripts/bench-query.sh).</summary>
public sealed record BenchmarkSettings
{
    public const string Database = "chat_bench_query";

    public long Messages { get; init; } = 10_000_000;

    // What seed-data generates (its defaults): users 1..100,000 and rooms 1..20, over 30 days.
    public int Users { get; init; } = 100_000;
    public int Rooms { get; init; } = 20;
    public int Days { get; init; } = 30;
    public int Requests { get; init; } = 1000;
    public int WrkSeconds { get; init; } = 10;
    public IReadOnlyList<int> Connections { get; init; } = [8, 32, 64];
    public Uri? Url { get; init; }
    public string Output { get; init; } = "docs/perf/query.md";
    public string Command { get; init; } = "./chat bench query";

    public static BenchmarkSettings Parse(IReadOnlyList<string> args)
    {
        var settings = new BenchmarkSettings();
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            var value = args[i + 1];
            settings = args[i] switch
            {
                "--messages" => settings with { Messages = long.Parse(value) },
                "--requests" => settings with { Requests = int.Parse(value) },
                "--wrk-seconds" => settings with { WrkSeconds = int.Parse(value) },
                "--connections" => settings with { Connections = value.Split(',', ' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList() },
                "--url" => settings with { Url = new Uri(value) },
                "--output" => settings with { Output = value },
                "--command" => settings with { Command = value },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        return settings;
    }

    /// <summary>The local server's settings, as './chat up' wrote them to .local/chat.env (sourced by the script).</summary>
    public static string ConnectionString(string user, string database = Database)
    {
        static string Env(string key) => Environment.GetEnvironmentVariable(key) ?? throw new InvalidOperationException($"{key} is not set: run through './chat bench query'.");
        return new NpgsqlConnectionStringBuilder
        {
            Host = Env("CHAT_PG_HOST"),
            Port = int.Parse(Env("CHAT_PG_PORT")),
            Database = database,
            Username = user,
            Password = user == "postgres" ? Env("CHAT_PG_ADMIN_PASSWORD") : Env($"CHAT_{user["chat_".Length..].ToUpperInvariant()}_PASSWORD"),
            CommandTimeout = 0,
            MaxPoolSize = 8,
        }.ConnectionString;
    }

    public static IReadOnlyDictionary<string, string> RolePasswords() => new Dictionary<string, string>
    {
        ["chat_ingest"] = Environment.GetEnvironmentVariable("CHAT_INGEST_PASSWORD") ?? "",
        ["chat_projections"] = Environment.GetEnvironmentVariable("CHAT_PROJECTIONS_PASSWORD") ?? "",
        ["chat_query"] = Environment.GetEnvironmentVariable("CHAT_QUERY_PASSWORD") ?? "",
    };
}
