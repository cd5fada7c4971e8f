using System.Net;

namespace Chat.System.Tests;

/// <summary>
/// ./chat demo in a reduced form (a small load), on servers of its own (own state folder and
/// ports), so the README's first command cannot rot unnoticed: everything it starts answers,
/// and ./chat down leaves nothing running.
/// </summary>
public sealed class The_demo : IAsyncLifetime
{
    private const int PostgresPort = 24432;
    private readonly string _state = Path.Combine(Path.GetTempPath(), $"chat-demo-test-{Guid.NewGuid():N}");
    private readonly Dictionary<string, string> _environment;

    public The_demo()
    {
        _environment = new()
        {
            ["CHAT_STATE_DIR"] = _state,
            ["CHAT_PG_PORT"] = PostgresPort.ToString(),
            ["CHAT_AMQP_PORT"] = "24672",
            ["CHAT_MGMT_PORT"] = "24673",
            ["CHAT_DIST_PORT"] = "24674",
            ["CHAT_EPMD_PORT"] = "24675",
        };
    }

    private static string QueryUrl => $"http://127.0.0.1:{PostgresPort + 12}";

    [Fact]
    public async Task Runs_the_whole_system_prints_its_summary_and_leaves_the_services_answering()
    {
        var demo = await ChatScript.RunAsync(_environment, TimeSpan.FromMinutes(20), "demo", "--messages", "3000");

        Assert.True(demo.ExitCode == 0, demo.Output);
        Assert.Contains("every message stored exactly once", demo.Output);
        Assert.Contains("From the GraphQL API:", demo.Output);
        Assert.Matches(@"views: user_stats FRESH", demo.Output);
        Assert.Contains($"{QueryUrl}/graphql", demo.Output);

        using var http = new HttpClient();
        using var explorer = new HttpRequestMessage(HttpMethod.Get, $"{QueryUrl}/graphql");
        explorer.Headers.Accept.ParseAdd("text/html");
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(explorer)).StatusCode);
        var status = await ChatScript.RunAsync(_environment, TimeSpan.FromMinutes(1), "status");
        Assert.Matches(@"ingest\s+up.*\(ready\)", status.Output);
        Assert.Matches(@"projections\s+up.*\(ready\)", status.Output);
        Assert.Matches(@"query\s+up.*\(ready\)", status.Output);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        var down = await ChatScript.RunAsync(_environment, TimeSpan.FromMinutes(5), "down");
        Assert.True(down.ExitCode == 0, down.Output);
        var leftovers = global::System.Diagnostics.Process.GetProcesses()
            .Where(p => ReadCommandLine(p.Id).Contains(_state, StringComparison.Ordinal))
            .Select(p => $"{p.Id} {ReadCommandLine(p.Id)}")
            .ToList();
        Assert.True(leftovers.Count == 0, "still running after ./chat down:\n" + string.Join('\n', leftovers));
        Directory.Delete(_state, recursive: true);
    }

    private static string ReadCommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }
}
