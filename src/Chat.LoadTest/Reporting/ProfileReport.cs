using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chat.LoadTest.Reporting;

/// <summary>
/// The latest run of one profile (docs/perf/load/{profile}/summary.json): its steps (one, or
/// one per batch size), the machine, the exact command and whether it was scaled down.
/// </summary>
public sealed record ProfileReport
{
    public const string FileName = "summary.json";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public required string Profile { get; init; }

    public required string Description { get; init; }

    public required string Command { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset FinishedAt { get; init; }

    /// <summary>Less than the profile asks for (--scale, --messages, --duration): a smoke run, not a benchmark.</summary>
    public required bool ScaledDown { get; init; }

    public required MachineFacts Machine { get; init; }

    public required IReadOnlyList<RunSummary> Steps { get; init; }

    /// <summary>Charts over all steps (the batch sweep's), relative to the profile's folder.</summary>
    public IReadOnlyList<string> Charts { get; init; } = [];

    public bool Passed => Steps.Count > 0 && Steps.All(s => s.Passed);

    public async Task WriteAsync(string folder, CancellationToken cancellationToken)
    {
        await using var stream = File.Create(Path.Combine(folder, FileName));
        await JsonSerializer.SerializeAsync(stream, this, Json, cancellationToken);
    }

    public static async Task<ProfileReport?> ReadAsync(string folder, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<ProfileReport>(stream, Json, cancellationToken);
    }
}
