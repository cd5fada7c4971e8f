using System.Globalization;

namespace Chat.Metrics;

/// <summary>
/// The samples of one scrape in the Prometheus text exposition format
/// (<c>name{label="value",...} value [timestamp]</c>; # lines are comments).
/// </summary>
public sealed class PrometheusText
{
    private readonly List<(string Name, Dictionary<string, string> Labels, double Value)> _samples;

    private PrometheusText(List<(string, Dictionary<string, string>, double)> samples) => _samples = samples;

    public static PrometheusText Parse(string text)
    {
        var samples = new List<(string, Dictionary<string, string>, double)>();
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            var brace = line.IndexOf('{', StringComparison.Ordinal);
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            string name;
            string rest;
            if (brace >= 0 && (space < 0 || brace < space))
            {
                name = line[..brace];
                var close = ParseLabels(line, brace + 1, labels);
                rest = line[(close + 1)..].Trim();
            }
            else if (space > 0)
            {
                name = line[..space];
                rest = line[(space + 1)..].Trim();
            }
            else
            {
                continue;
            }

            var valueText = rest.Split(' ', 2)[0];
            if (TryParseValue(valueText, out var value))
            {
                samples.Add((name, labels, value));
            }
        }

        return new PrometheusText(samples);
    }

    /// <summary>True when the scrape has a sample of <paramref name="name"/> (a counter, a gauge, or a histogram's _count).</summary>
    public bool Has(string name) => _samples.Exists(s => s.Name == name);

    /// <summary>The sum over every label set of a counter or gauge; NaN when absent.</summary>
    public double Sum(string name)
    {
        var found = false;
        var sum = 0.0;
        foreach (var sample in _samples.Where(s => s.Name == name))
        {
            found = true;
            sum += sample.Value;
        }

        return found ? sum : double.NaN;
    }

    /// <summary>The value of the one sample of <paramref name="name"/> with exactly these labels; null when there is none.</summary>
    public double? Value(string name, params (string Label, string Value)[] labels)
    {
        foreach (var sample in _samples)
        {
            if (sample.Name == name && sample.Labels.Count == labels.Length
                && labels.All(l => sample.Labels.TryGetValue(l.Label, out var value) && value == l.Value))
            {
                return sample.Value;
            }
        }

        return null;
    }

    /// <summary>The histogram <paramref name="name"/> (its _bucket, _sum and _count), summed over its other labels.</summary>
    public HistogramSnapshot Histogram(string name)
    {
        var buckets = _samples
            .Where(s => s.Name == name + "_bucket" && s.Labels.ContainsKey("le"))
            .GroupBy(s => TryParseValue(s.Labels["le"], out var bound) ? bound : double.NaN)
            .Where(g => !double.IsNaN(g.Key))
            .Select(g => new HistogramBucket(g.Key, g.Sum(s => s.Value)))
            .OrderBy(b => b.UpperBound)
            .ToList();
        if (buckets.Count == 0)
        {
            return HistogramSnapshot.Empty;
        }

        var sum = Sum(name + "_sum");
        var count = Sum(name + "_count");
        return new HistogramSnapshot(buckets, double.IsNaN(sum) ? 0 : sum, double.IsNaN(count) ? buckets[^1].CumulativeCount : count);
    }

    private static int ParseLabels(string line, int position, Dictionary<string, string> labels)
    {
        while (position < line.Length && line[position] != '}')
        {
            var equals = line.IndexOf('=', position);
            var key = line[position..equals].Trim().TrimStart(',').Trim();
            var value = new System.Text.StringBuilder();
            var i = equals + 2; // past ="
            for (; i < line.Length && line[i] != '"'; i++)
            {
                if (line[i] == '\\' && i + 1 < line.Length)
                {
                    i++;
                    value.Append(line[i] == 'n' ? '\n' : line[i]);
                }
                else
                {
                    value.Append(line[i]);
                }
            }

            labels[key] = value.ToString();
            position = i + 1;
            while (position < line.Length && line[position] is ',' or ' ')
            {
                position++;
            }
        }

        return position;
    }

    private static bool TryParseValue(string text, out double value)
    {
        switch (text)
        {
            case "+Inf":
                value = double.PositiveInfinity;
                return true;
            case "-Inf":
                value = double.NegativeInfinity;
                return true;
            case "NaN":
                value = double.NaN;
                return true;
            default:
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
    }
}
