using System.Diagnostics;

namespace Chat.Schema.Tests;

public sealed class The_chat_script
{
    [Fact]
    public async Task Up_twice_in_a_row_succeeds_and_leaves_the_servers_ready()
    {
        var first = await RunAsync("up");
        var second = await RunAsync("up");
        var status = await RunAsync("status");

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Matches(@"postgres\s+up", status.Output);
        Assert.Matches(@"rabbitmq\s+up", status.Output);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string command)
    {
        var start = new ProcessStartInfo(Path.Combine(LocalSettings.RepositoryRoot, "chat"), command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = LocalSettings.RepositoryRoot,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
