using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Chat.Metrics;

namespace Chat.Testing;

/// <summary>
/// A built service of this repository (src/&lt;Project&gt;/bin/&lt;Configuration&gt;/net10.0) running
/// as a child process, configured by its environment only, as in production: start, SIGTERM,
/// SIGKILL, restart, /health/ready, /metrics and its peak memory.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    private readonly string _project;
    private readonly string _configuration;
    private readonly Dictionary<string, string> _environment;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly HttpClient _http;
    private Process? _process;

    private ServiceProcess(string project, string configuration, Dictionary<string, string> environment, int port)
    {
        _project = project;
        _configuration = configuration;
        _environment = environment;
        _environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
    }

    public int ProcessId => _process?.Id ?? 0;

    /// <summary>Where the service listens (http://127.0.0.1:port/), e.g. to point another service at it.</summary>
    public Uri BaseAddress => _http.BaseAddress!;

    public bool HasExited => _process is null || _process.HasExited;

    public int ExitCode => _process!.ExitCode;

    /// <summary>
    /// Starts <paramref name="project"/> (e.g. "Chat.Ingest") on a free port and waits until
    /// /health/ready answers 200. <paramref name="configuration"/> defaults to the one the caller
    /// was built in (Debug or Release).
    /// </summary>
    public static async Task<ServiceProcess> StartAsync(
        string project, IReadOnlyDictionary<string, string> environment, string? configuration = null)
    {
        var service = new ServiceProcess(project, configuration ?? CallerConfiguration(), new Dictionary<string, string>(environment), LocalProcess.FreePort());
        await service.RestartAsync();
        return service;
    }

    /// <summary>Starts the process again (after <see cref="KillAsync"/> or <see cref="StopAsync"/>) and waits until ready.</summary>
    public async Task RestartAsync()
    {
        if (!HasExited)
        {
            throw new InvalidOperationException($"{_project} is still running.");
        }

        _process?.Dispose();
        var dll = Path.Combine(LocalSettings.RepositoryRoot, "src", _project, "bin", _configuration, "net10.0", _project + ".dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"Build {_project} ({_configuration}) first: {dll} is missing.");
        }

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

        _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {_project}.");
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        await Poll.UntilAsync(IsReadyAsync, StartTimeout, () => Task.FromResult($"{_project} is not ready.\n{Output()}"));
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

    /// <summary>SIGKILL: the process dies at once, wherever it is.</summary>
    public async Task KillAsync()
    {
        _process!.Kill(entireProcessTree: false);
        await WaitForExitAsync();
    }

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(path);

    /// <summary>The value of a sample of /metrics with exactly the given labels (none by default); 0 when the series is absent.</summary>
    public async Task<double> MetricAsync(string name, params (string Label, string Value)[] labels) =>
        PrometheusText.Parse(await _http.GetStringAsync("metrics")).Value(name, labels) ?? 0;

    /// <summary>A quantile of a Prometheus histogram, interpolated within its bucket as histogram_quantile() does.</summary>
    public async Task<double> HistogramQuantileAsync(string name, double quantile) =>
        PrometheusText.Parse(await _http.GetStringAsync("metrics")).Histogram(name).Quantile(quantile);

    /// <summary>The process's peak resident memory (VmHWM of /proc/&lt;pid&gt;/status), in bytes.</summary>
    public long PeakResidentBytes()
    {
        var line = File.ReadLines($"/proc/{ProcessId}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

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
            throw new InvalidOperationException($"{_project} exited with {_process!.ExitCode}.\n{Output()}");
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
            throw new TimeoutException($"{_project} did not exit within a minute.\n{Output()}");
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

    // bin/<Configuration>/net10.0/ of the running assembly.
    private static string CallerConfiguration() => new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
}
