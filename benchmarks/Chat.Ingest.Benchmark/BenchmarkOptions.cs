using System.Globalization;

namespace Chat.Ingest.Benchmark;

/// <summary>The run's settings, from the command line (./chat bench ingest --help).</summary>
public sealed record BenchmarkOptions
{
    public int Messages { get; init; } = 1_000_000;

    /// <summary>Phases to run, in order: raw, masstransit, ingest.</summary>
    public IReadOnlyList<string> Phases { get; init; } = ["raw", "masstransit", "ingest"];

    /// <summary>Queues of the raw and ingest phases (the baseline always has one).</summary>
    public int Queues { get; init; } = 4;

    public string QueueType { get; init; } = "quorum";

    public int MessageLimit { get; init; } = 500;

    public int TimeLimitMs { get; init; } = 500;

    public int Concurrency { get; init; } = 1;

    public int? Prefetch { get; init; }

    /// <summary>The raw phase acknowledges every this many deliveries at once (1: each on its own, as MassTransit does).</summary>
    public int RawAckEvery { get; init; } = 100;

    /// <summary>Rounds of all phases, one after the other; the report quotes each phase's median.</summary>
    public int Repeat { get; init; } = 1;

    /// <summary>Chat.Ingest processes consuming the same queues (competing consumers).</summary>
    public int Instances { get; init; } = 1;

    /// <summary>Publishing channels, each with a window of unconfirmed messages.</summary>
    public int Publishers { get; init; } = 2;

    public int PhaseTimeoutMinutes { get; init; } = 15;

    /// <summary>Markdown fragment to write; empty to write none.</summary>
    public string Output { get; init; } = "docs/perf/ingest.md";

    public const string Usage = """
        Usage: ./chat bench ingest [options]
          --messages N          messages per phase (default 1000000; both producer shapes, 20 rooms, 1000 users)
          --phases a,b,c        any of raw,masstransit,ingest (default all three, in that order)
          --queues N            queues of the raw and ingest phases (default 4)
          --queue-type T        quorum or classic (default quorum)
          --message-limit N     ingest batch size (default 500, the ingest's own default)
          --time-limit-ms N     ingest batch time limit (default 500)
          --concurrency N       ingest batches at once per queue (default 1)
          --prefetch N          ingest prefetch per queue (default message-limit x concurrency)
          --instances N         Chat.Ingest processes competing for the queues (default 1)
          --repeat N            rounds of all phases, interleaved; medians are reported (default 1)
          --raw-ack-every N     raw phase: one multiple-ack per N deliveries (default 100; 1 acks each alone)
          --publishers N        publishing channels (default 2)
          --timeout-minutes N   bound of each phase (default 15)
          --output PATH         markdown fragment to write (default docs/perf/ingest.md; '' for none)
        """;

    public static BenchmarkOptions Parse(string[] args)
    {
        var options = new BenchmarkOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Number() => int.Parse(Value(), CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--messages" => options with { Messages = Number() },
                "--phases" => options with { Phases = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                "--queues" => options with { Queues = Number() },
                "--queue-type" => options with { QueueType = Value().ToLowerInvariant() },
                "--message-limit" => options with { MessageLimit = Number() },
                "--time-limit-ms" => options with { TimeLimitMs = Number() },
                "--concurrency" => options with { Concurrency = Number() },
                "--prefetch" => options with { Prefetch = Number() },
                "--instances" => options with { Instances = Number() },
                "--repeat" => options with { Repeat = Number() },
                "--raw-ack-every" => options with { RawAckEvery = Number() },
                "--publishers" => options with { Publishers = Number() },
                "--timeout-minutes" => options with { PhaseTimeoutMinutes = Number() },
                "--output" => options with { Output = Value() },
                _ => throw new ArgumentException($"Unknown option {args[i]}.\n{Usage}"),
            };
        }

        if (options.Phases.Except(["raw", "masstransit", "ingest"]).FirstOrDefault() is { } unknown)
        {
            throw new ArgumentException($"Unknown phase {unknown}.\n{Usage}");
        }

        if (options.Instances < 1 || options.RawAckEvery < 1 || options.Repeat < 1)
        {
            throw new ArgumentException($"--instances, --raw-ack-every and --repeat are at least 1.\n{Usage}");
        }

        if (options.QueueType is not ("quorum" or "classic"))
        {
            throw new ArgumentException($"--queue-type is quorum or classic.\n{Usage}");
        }

        return options;
    }

    public TimeSpan PhaseTimeout => TimeSpan.FromMinutes(PhaseTimeoutMinutes);

    /// <summary>The variant, as a reader of the report needs it.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Queues} {QueueType} queue(s), message limit {MessageLimit}, time limit {TimeLimitMs} ms, concurrency {Concurrency}, prefetch {Prefetch?.ToString(CultureInfo.InvariantCulture) ?? "default"}{(Instances > 1 ? $", {Instances} instances" : "")}");
}
