using System.Diagnostics;
using System.Globalization;

namespace Chat.LoadTest.Profiles;

/// <summary>
/// Starts Chat.Ingest afresh for a step through the chat script (./chat ingest restart), the way
/// an operator would: a Release build, its log under .local/logs, its pid under .local/run.
/// </summary>
public sealed class IngestControl(string chatScript, TextWriter output)
{
    /// <summary>Environment variable naming the chat script (./chat load sets it).</summary>
    public const string ScriptVariable = "CHAT_SCRIPT";

    public static IngestControl? FromEnvironment(TextWriter output) =>
        Environment.GetEnvironmentVariable(ScriptVariable) is { Length: > 0 } script && File.Exists(script)
            ? new IngestControl(script, output)
            : null;

    /// <summary>Restarts the ingest (with a batch size, or its configured default) and waits until it is ready.</summary>
    public async Task RestartAsync(int? batchSize, CancellationToken cancellationToken)
    {
        var arguments = new List<string> { "ingest", "restart" };
        if (batchSize is { } size)
        {
            arguments.AddRange(["--batch-size", size.ToString(CultureInfo.InvariantCulture)]);
        }

        var start = new ProcessStartInfo(chatScript) { RedirectStandardOutput = true, RedirectStandardError = true };
        arguments.ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not run {chatScript}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        await output.WriteAsync(await stderr);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{chatScript} {string.Join(' ', arguments)}' failed with exit code {process.ExitCode}:\n{await stdout}");
        }
    }
}
