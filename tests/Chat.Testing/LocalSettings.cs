namespace Chat.Testing;

/// <summary>
/// Settings of the servers the tests use: the environment first (CHAT_*), else the file
/// .local/chat.env that './chat up' writes for the servers it started.
/// </summary>
public static class LocalSettings
{
    private static readonly Lazy<Dictionary<string, string>> FromFile = new(ReadChatEnv);

    /// <summary>The folder that holds Chat.sln.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string? Get(string key) =>
        Environment.GetEnvironmentVariable(key) is { Length: > 0 } value ? value
        : FromFile.Value.TryGetValue(key, out var fromFile) ? fromFile
        : null;

    private static Dictionary<string, string> ReadChatEnv()
    {
        var path = Path.Combine(RepositoryRoot, ".local", "chat.env");
        if (!File.Exists(path))
        {
            return [];
        }

        return File.ReadAllLines(path)
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#') && line.Contains('='))
            .Select(line => line.Split('=', 2))
            .ToDictionary(parts => parts[0], parts => parts[1]);
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Chat.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Chat.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>True when a Docker engine answers (Testcontainers can be used).</summary>
    public static bool DockerEngineAnswers()
    {
        if (Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 })
        {
            return true;
        }

        const string socket = "/var/run/docker.sock";
        if (!File.Exists(socket))
        {
            return false;
        }

        try
        {
            using var client = new System.Net.Sockets.Socket(
                System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
            client.Connect(new System.Net.Sockets.UnixDomainSocketEndPoint(socket));
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }
}
