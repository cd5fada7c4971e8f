using System.Globalization;

namespace Chat.LoadTest.Profiles;

/// <summary>
/// A profile made concrete: how much (the profile's amount × --scale, or --messages / --duration),
/// how fast (--rate, or for endurance 80% of the latest stress run's measured maximum), and the steps.
/// </summary>
/// <param name="Folder">The profile's report folder (docs/perf/load/{profile}).</param>
public sealed record LoadPlan(LoadProfile Profile, string Folder, IReadOnlyList<StepPlan> Steps, bool ScaledDown)
{
    public static LoadPlan Create(LoadProfile profile, LoadRequest request, double? measuredMaximum)
    {
        if (request.Scale is <= 0 or > 10)
        {
            throw new ArgumentException("--scale must be greater than 0 and at most 10.");
        }

        if (request.Messages is not null && request.Duration is not null)
        {
            throw new ArgumentException("give --messages or --duration, not both.");
        }

        long? messages;
        TimeSpan? duration;
        if (request.Messages is { } m)
        {
            (messages, duration) = (m, null);
        }
        else if (request.Duration is { } d)
        {
            (messages, duration) = (null, d);
        }
        else
        {
            messages = profile.Messages is { } pm ? (long)Math.Round(pm * request.Scale) : null;
            duration = profile.Duration is { } pd ? pd * request.Scale : null;
        }

        if (messages is < 1 || duration is { TotalSeconds: < 1 })
        {
            throw new ArgumentException("a run needs at least 1 message or 1 second.");
        }

        var rate = request.Rate;
        if (rate is null && profile.RateFromStress)
        {
            rate = measuredMaximum is > 0
                ? Math.Round(measuredMaximum.Value * LoadProfile.EnduranceShareOfMaximum)
                : throw new ArgumentException(
                    $"{profile.Name} runs at {LoadProfile.EnduranceShareOfMaximum:P0} of the measured maximum: run './chat load stress' first, or give --rate.");
        }

        var scaledDown = (profile.Messages is { } full && (messages ?? 0) < full)
            || (profile.Duration is { } fullDuration && (duration ?? TimeSpan.Zero) < fullDuration)
            || (profile.Messages is not null && messages is null);
        var runId = request.RunId ?? $"{profile.Name}-{request.StartedAt:yyyyMMdd-HHmmss}";
        var folder = Path.Combine(request.OutputRoot, profile.Name);
        IReadOnlyList<StepPlan> steps = profile.BatchSizes.Count == 0
            ? [new StepPlan(profile.Name, folder, runId, messages, duration, rate, request.BatchSize)]
            : [.. (request.BatchSizes ?? profile.BatchSizes).Select(size => new StepPlan(
                string.Create(CultureInfo.InvariantCulture, $"batch size {size:N0}"),
                Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"batch-{size}")),
                string.Create(CultureInfo.InvariantCulture, $"{runId}-b{size}"),
                messages, duration, rate, size))];
        return new LoadPlan(profile, folder, steps, scaledDown);
    }
}

/// <summary>What the operator asked for on the command line.</summary>
public sealed record LoadRequest
{
    public double Scale { get; init; } = 1;

    public long? Messages { get; init; }

    public TimeSpan? Duration { get; init; }

    public double? Rate { get; init; }

    public string? RunId { get; init; }

    /// <summary>Ingest batch size for a single-step profile (null: the ingest's configured default).</summary>
    public int? BatchSize { get; init; }

    /// <summary>Batch sizes for the sweep instead of the profile's.</summary>
    public IReadOnlyList<int>? BatchSizes { get; init; }

    public required string OutputRoot { get; init; }

    public required DateTimeOffset StartedAt { get; init; }
}
