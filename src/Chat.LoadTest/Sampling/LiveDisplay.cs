namespace Chat.LoadTest.Sampling;

/// <summary>
/// Shows the progress line: rewritten in place every second on a terminal, a new line every
/// ten seconds when the output goes to a file or pipe (so a log stays readable).
/// </summary>
public sealed class LiveDisplay(TextWriter output, long? target)
{
    private readonly bool _terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
    private int _shown;

    public void Show(LoadSample sample)
    {
        var line = ProgressLine.Format(sample, target);
        if (_terminal)
        {
            output.Write($"\r{line}\u001b[K");
        }
        else if (_shown % 10 == 0)
        {
            output.WriteLine(line);
        }

        _shown++;
    }

    public void Finish()
    {
        if (_terminal)
        {
            output.WriteLine();
        }
    }
}
