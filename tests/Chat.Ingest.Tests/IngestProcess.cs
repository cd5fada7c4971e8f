using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Chat.Ingest.Tests;

/// <summary>
/// The built Chat.Ingest (src/Chat.Ingest/bin/...) running as a child process against a test
/// database and virtual host, as it runs in production: configuration from the environment only.
/// </summary>
public sealed class IngestProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    private readonly Dictionary<string, string> _environment;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly HttpClient _http;
    private Process? _process;

    private IngestProcess(Dictionary<string, string> environment, int port)
    {
        _environment = environment;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
    }

    public int ProcessId => _process?.Id ?? 0;

    public bool HasExited => _process is null || _process.HasExited;

    /// <summary>Starts an ingest and waits until /health/ready answers 200 (database and bus ready).</summary>
    /// <param name="settings">Extra configuration, e.g. ["Ingest__QueueCount"] = "2".</param>
    public static async Task<IngestProcess> StartAsync(
        string connectionString, RabbitMqVirtualHost virtualHost, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Chat"] = connectionString,
            ["RabbitMq__Host"] = virtualHost.Server.Host,
            ["RabbitMq__Port"] = virtualHost.Server.Port.ToString(CultureInfo.InvariantCulture),
            ["RabbitMq__VirtualHost"] = virtualHost.Name,
            ["RabbitMq__Username"] = virtualHost.Server.Username,
            ["RabbitMq__Password"] = virtualHost.Server.Password,
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            // Queues fill a batch quickly in tests; shorter back-off keeps outage tests short.
            ["Ingest__QueueCount"] = "2",
            ["Ingest__RetryMaxDelay"] = "00:00:02",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        var ingest = new IngestProcess(environment, port);
        await ingest.RestartAsync();
        return ingest;
    }

    /// <summary>Starts the process again (after <see cref="KillAsync"/> or <see cref="StopAsync"/>) and waits until ready.</summary>
    public async Task RestartAsync()
    {
        if (!HasExited)
        {
            throw new InvalidOperationException("The ingest is still running.");
        }

        _process?.Dispose();
        var dll = IngestDll();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(dll);
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start Chat.Ingest.");
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        await Poll.UntilAsync(IsReadyAsync, StartTimeout, () => Task.FromResult($"Chat.Ingest is not ready.\n{Output()}"));
    }

    /// <summary>SIGTERM, as an orchestrator stops a service, and waits for the process to exit.</summary>
    public async Task StopAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", ProcessId.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await WaitForExitAsync();
    }

    /// <summary>SIGKILL: the process dies at once, wherever it is (mid-batch, mid-commit).</summary>
    public async Task KillAsync()
    {
        _process!.Kill(entireProcessTree: false);
        await WaitForExitAsync();
    }

    public int ExitCode => _process!.ExitCode;

    /// <summary>The value of a metric without labels (or with the given label text, e.g. reason="invalid_json").</summary>
    public async Task<double> MetricAsync(string name, string? labels = null)
    {
        var text = await _http.GetStringAsync("metrics");
        var prefix = labels is null ? name + " " : $"{name}{{{labels}}} ";
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line[prefix.Length..], CultureInfo.InvariantCulture);
    }

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(path);

    /// <summary>The last lines the process wrote, for failure messages.</summary>
    public string Output() => string.Join('\n', _output.TakeLast(60));

    public async ValueTask DisposeAsync()
    {
        if (!HasExited)
        {
            await KillAsync();
        }

        _process?.Dispose();
        _http.Dispose();
    }

    private async Task<bool> IsReadyAsync()
    {
        if (HasExited)
        {
            throw new InvalidOperationException($"Chat.Ingest exited with {_process!.ExitCode}.\n{Output()}");
        }

        try
        {
            using var response = await _http.GetAsync("health/ready");
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    private async Task WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            await _process!.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Chat.Ingest did not exit within a minute.\n{Output()}");
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 500)
        {
            _output.TryDequeue(out _);
        }
    }

    // The ingest's own build output, in the configuration these tests were built in.
    private static string IngestDll()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<Configuration>/net10.0/
        var dll = Path.Combine(LocalSettings.RepositoryRoot, "src", "Chat.Ingest", "bin", configuration, "net10.0", "Chat.Ingest.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build Chat.Ingest first: {dll} is missing.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
