namespace Chat.Projections.Benchmark;

/// <summary>The benchmark's command line.</summary>
public sealed record BenchmarkOptions
{
    public IReadOnlyList<long> Messages { get; init; } = [1_000_000, 10_000_000];

    public int Repeat { get; init; } = 5;

    public string Database { get; init; } = "chat_bench";

    public int Users { get; init; } = 100_000;

    public int Rooms { get; init; } = 20;

    /// <summary>Messages of each ingest load run (0: no ingest half).</summary>
    public long IngestMessages { get; init; }

    public string Output { get; init; } = "docs/perf/projections.md";

    public const string Usage = """
        usage: ./chat bench projections [--messages 1000000,10000000] [--repeat 5] [--database chat_bench]
                                        [--users 100000] [--rooms 20] [--output docs/perf/projections.md]
                                        [--ingest-messages N]
        Loads synthetic messages with the seed-data generator (COPY) into the benchmark database (only
        what is missing: a run at 1M then 10M loads 9M more), then per
        size times REFRESH MATERIALIZED VIEW CONCURRENTLY and plain REFRESH of each view (median of --repeat).
        With --ingest-messages N, then runs './chat load baseline --messages N' (the load tool through the
        real Chat.Ingest, into the benchmark database) alone and again while the views refresh in a loop,
        and reports both end-to-end rates and each view's worst staleness during the second run.
        """;

    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchmarkOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
            options = args[i] switch
            {
                "--messages" => options with { Messages = [.. value.Split(',').Select(long.Parse)] },
                "--repeat" => options with { Repeat = int.Parse(value) },
                "--database" => options with { Database = value },
                "--users" => options with { Users = int.Parse(value) },
                "--rooms" => options with { Rooms = int.Parse(value) },
                "--output" => options with { Output = value },
                "--ingest-messages" => options with { IngestMessages = long.Parse(value) },
                _ => throw new ArgumentException($"Unknown option {args[i]}.\n{Usage}"),
            };
            i++;
        }

        if (options.Messages.Count == 0 || options.Messages.Any(n => n <= 0) || options.Repeat < 1 || options.Users < 1 || options.Rooms < 1 || options.IngestMessages < 0)
        {
            throw new ArgumentException($"--messages, --repeat, --users and --rooms must be positive.\n{Usage}");
        }

        return options with { Messages = [.. options.Messages.Order()] };
    }
}
