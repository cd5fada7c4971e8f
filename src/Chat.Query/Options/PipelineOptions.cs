using System.ComponentModel.DataAnnotations;

namespace Chat.Query.Options;

/// <summary>
/// The services the dashboard's pipeline panel watches, bound from "Pipeline"
/// (env: Pipeline__Ingest__0=http://host:port, Pipeline__Projections__0=..., one entry per instance).
/// None configured is a valid setup: the panel then says so.
/// </summary>
public sealed class PipelineOptions : IValidatableObject
{
    public const string Section = "Pipeline";

    /// <summary>Base addresses of the Chat.Ingest instances (their /metrics and /health/ready are read).</summary>
    public List<string> Ingest { get; } = [];

    /// <summary>Base addresses of the Chat.Projections instances (their /health/ready is read).</summary>
    public List<string> Projections { get; } = [];

    /// <summary>How often every service is checked and the ingest's metrics are scraped.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan SampleInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How much ingest history is kept in memory (a ring buffer of samples).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan History { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long one check or scrape may take before the service counts as down.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:30")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The samples the history holds.</summary>
    public int HistoryCapacity => (int)Math.Ceiling(History / SampleInterval);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, addresses) in new[] { (nameof(Ingest), Ingest), (nameof(Projections), Projections) })
        {
            for (var i = 0; i < addresses.Count; i++)
            {
                if (BaseAddress(addresses[i]) is null)
                {
                    yield return new ValidationResult(
                        $"{Section}:{name}:{i} is '{addresses[i]}': give the service's base address as an absolute http or https URL (e.g. http://127.0.0.1:8080).",
                        [name]);
                }
            }
        }

        if (History < SampleInterval * 2)
        {
            yield return new ValidationResult($"{Section}:History must hold at least two samples of {Section}:SampleInterval.", [nameof(History)]);
        }
    }

    /// <summary>The address as a base for relative paths (with a trailing slash), or null when it is not an absolute http(s) URL.</summary>
    public static Uri? BaseAddress(string address) =>
        Uri.TryCreate(address.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? new Uri(uri.AbsoluteUri.EndsWith('/') ? uri.AbsoluteUri : uri.AbsoluteUri + "/")
            : null;
}
