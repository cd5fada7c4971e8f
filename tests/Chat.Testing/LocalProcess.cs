using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Chat.Testing;

/// <summary>What the private-server fixtures do on this machine: run a command to its end, take a free loopback port.</summary>
public static class LocalProcess
{
    /// <summary>Runs the command (bounded at two minutes); throws with its output unless it exits with 0.</summary>
    public static async Task RunAsync(string fileName, params IEnumerable<string> arguments)
    {
        var (exitCode, output) = await TryRunAsync(fileName, arguments);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} exited with {exitCode}: {output}");
        }
    }

    /// <summary>Runs the command (bounded at two minutes): its exit code and its standard output and error.</summary>
    public static async Task<(int ExitCode, string Output)> TryRunAsync(string fileName, params IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    /// <summary>A TCP port on 127.0.0.1 that nothing listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
