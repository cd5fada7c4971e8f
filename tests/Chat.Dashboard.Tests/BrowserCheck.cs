using System.Diagnostics;
using System.Text.Json;

namespace Chat.Dashboard.Tests;

/// <summary>
/// Runs browser/check-dashboard.mjs (playwright-core driving Debian's headless Chromium) and
/// returns what it saw, parsed from its one line of JSON.
/// </summary>
public static class BrowserCheck
{
    public const string Chromium = "/usr/bin/chromium";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly string Folder = Path.Combine(LocalSettings.RepositoryRoot, "tests", "Chat.Dashboard.Tests", "browser");

    /// <summary>Screenshots land here (git-ignored), to be looked at after a run.</summary>
    public static readonly string Artifacts = Path.Combine(LocalSettings.RepositoryRoot, ".local", "artifacts", "dashboard");

    public static async Task<JsonElement> RunAsync(object settings, TimeSpan timeout)
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException(
                $"Chromium is not installed at {Chromium}. './chat test' installs it (Debian's 'chromium' package); or run 'apt-get install chromium'.");
        }

        if (!Directory.Exists(Path.Combine(Folder, "node_modules", "playwright-core")))
        {
            throw new InvalidOperationException($"playwright-core is not installed in {Folder}: build this test project (its build runs 'npm ci' there).");
        }

        var start = new ProcessStartInfo("node") { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("check-dashboard.mjs");
        start.ArgumentList.Add(JsonSerializer.Serialize(settings, Json));
        using var node = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await node.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            node.Kill(entireProcessTree: true);
            throw new TimeoutException($"The browser check did not finish within {timeout}.\n{await errors}");
        }

        var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (node.ExitCode != 0 || lines.Length == 0)
        {
            throw new InvalidOperationException($"The browser check failed (exit code {node.ExitCode}).\n{await errors}");
        }

        using var result = JsonDocument.Parse(lines[^1]);
        return result.RootElement.Clone();
    }
}
