namespace Chat.Ingest.Benchmark;

/// <summary>One phase over every round: the run with the median rate stands for it, the others are listed.</summary>
public sealed record PhaseSummary(string Name, IReadOnlyList<PhaseResult> Runs)
{
    public PhaseResult Median => Runs.OrderBy(r => r.Rate).ElementAt((Runs.Count - 1) / 2);

    public bool ExactlyOnce => Runs.All(r => r.ExactlyOnce);

    public static IReadOnlyList<PhaseSummary> Of(IEnumerable<PhaseResult> results) =>
        [.. results.GroupBy(r => r.Name).Select(g => new PhaseSummary(g.Key, [.. g]))];
}
