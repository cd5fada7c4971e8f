namespace Chat.LoadTest.Profiles;

/// <summary>One measured run inside a profile: the whole profile, or one batch size of the sweep.</summary>
/// <param name="Folder">Where its samples, summary and charts go.</param>
/// <param name="BatchSize">The ingest batch size to restart the ingest with; null for its configured default.</param>
public sealed record StepPlan(string Name, string Folder, string RunId, long? Messages, TimeSpan? Duration, double? Rate, int? BatchSize);
