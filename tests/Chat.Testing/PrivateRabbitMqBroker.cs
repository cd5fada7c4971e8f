using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Xunit;

namespace Chat.Testing;

/// <summary>
/// A throwaway RabbitMQ broker of its own (use as IClassFixture), for tests that kill or restart
/// the broker, which the shared one must never be: one Erlang node per port set on 127.0.0.1
/// (AMQP, management, distribution and an epmd of its own), run as the <c>rabbitmq</c> user with
/// its data in a temporary folder, the consistent-hash plugin enabled, a user with every
/// permission on "/". With <see cref="NodeCount"/> above one the nodes are joined in a cluster.
/// Killed and removed at the end.
/// </summary>
public class PrivateRabbitMqBroker : IAsyncLifetime
{
    private const string RabbitBin = "/usr/lib/rabbitmq/bin";

    private readonly List<Node> _nodes = [];
    private string? _folder;

    public PrivateRabbitMqBroker() : this(nodeCount: 1)
    {
    }

    /// <param name="nodeCount">Nodes joined in one cluster.</param>
    /// <param name="consumerTimeout">RabbitMQ's consumer_timeout (an unacknowledged delivery older than this closes its channel); null for the default.</param>
    protected PrivateRabbitMqBroker(int nodeCount, TimeSpan? consumerTimeout = null)
    {
        NodeCount = nodeCount;
        ConsumerTimeout = consumerTimeout;
    }

    public int NodeCount { get; }

    public TimeSpan? ConsumerTimeout { get; }

    public string Username { get; } = "chat";

    public string Password { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));

    /// <summary>The AMQP ports of the nodes, in node order.</summary>
    public IReadOnlyList<int> AmqpPorts => [.. _nodes.Select(n => n.AmqpPort)];

    /// <summary>The first node as a <see cref="RabbitMqServer"/> (its management API answers for the whole cluster).</summary>
    public RabbitMqServer Server(int node = 0) =>
        new("127.0.0.1", _nodes[node].AmqpPort, _nodes[node].ManagementPort, Username, Password);

    private string Folder => _folder ?? throw new InvalidOperationException("The broker is not initialised.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(Path.Combine(RabbitBin, "rabbitmq-server")))
        {
            throw new InvalidOperationException("RabbitMQ is not installed: run './chat up' once.");
        }

        _folder = Directory.CreateTempSubdirectory("chat-rabbit-").FullName;
        var cookie = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        // One epmd for all nodes: a node finds another's distribution port through it.
        var epmdPort = LocalProcess.FreePort();
        for (var n = 0; n < NodeCount; n++)
        {
            _nodes.Add(Node.Create(Path.Combine(Folder, $"node{n + 1}"), cookie, epmdPort, this));
        }

        await LocalProcess.RunAsync("chown", "-R", "rabbitmq:rabbitmq", Folder);
        await LocalProcess.RunAsync("chmod", "o+x", Folder);
        await Task.WhenAll(_nodes.Select(StartNodeAsync));
        for (var n = 1; n < _nodes.Count; n++)
        {
            await JoinAsync(_nodes[n], _nodes[0]);
        }
    }

    /// <summary>SIGKILL of a node's Erlang VM: it dies at once, as on a crash or an OOM kill.</summary>
    public async Task KillAsync(int node = 0)
    {
        var pid = BeamPid(_nodes[node]) ?? throw new InvalidOperationException($"Node {node + 1} does not run.");
        await LocalProcess.RunAsync("kill", "-KILL", pid.ToString(CultureInfo.InvariantCulture));
        await Poll.UntilAsync(() => Task.FromResult(BeamPid(_nodes[node]) is null), TimeSpan.FromSeconds(30),
            () => Task.FromResult($"Node {node + 1} still runs after SIGKILL."));
    }

    /// <summary>Starts a node again on its data (after <see cref="KillAsync"/>) and waits until it serves AMQP.</summary>
    public Task StartAsync(int node = 0) => StartNodeAsync(_nodes[node]);

    public async Task DisposeAsync()
    {
        if (_folder is null)
        {
            return;
        }

        foreach (var node in _nodes)
        {
            if (BeamPid(node) is { } pid)
            {
                await LocalProcess.RunAsync("kill", "-KILL", pid.ToString(CultureInfo.InvariantCulture));
            }
        }

        // The first node started an epmd on the broker's own port; it outlives the nodes.
        await LocalProcess.TryRunAsync("runuser", "-u", "rabbitmq", "--", "env", $"ERL_EPMD_PORT={_nodes[0].EpmdPort}", "epmd", "-kill");

        await Task.Delay(500);
        Directory.Delete(_folder, recursive: true);
    }

    private async Task StartNodeAsync(Node node)
    {
        var start = new ProcessStartInfo("runuser") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in node.Command("rabbitmq-server"))
        {
            start.ArgumentList.Add(argument);
        }

        // The server's console output is in its log folder; these streams are drained and dropped.
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start rabbitmq-server.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await Poll.UntilAsync(async () => await AnswersAsync(node), TimeSpan.FromMinutes(2),
            () => Task.FromResult($"RabbitMQ node {node.Name} did not start; its log is in {node.Folder}/log."),
            TimeSpan.FromMilliseconds(500));
    }

    private async Task JoinAsync(Node node, Node first)
    {
        await LocalProcess.RunAsync("runuser", node.Command("rabbitmqctl", "-q", "stop_app"));
        await LocalProcess.RunAsync("runuser", node.Command("rabbitmqctl", "-q", "join_cluster", first.Name));
        await LocalProcess.RunAsync("runuser", node.Command("rabbitmqctl", "-q", "start_app"));
        await Poll.UntilAsync(async () => await AnswersAsync(node), TimeSpan.FromMinutes(2),
            () => Task.FromResult($"RabbitMQ node {node.Name} did not come back after joining the cluster."),
            TimeSpan.FromMilliseconds(500));
    }

    /// <summary>The node's management API answers as the test user (so the boot, the user and the plugins are done).</summary>
    private async Task<bool> AnswersAsync(Node node)
    {
        using var client = new RabbitMqServer("127.0.0.1", node.AmqpPort, node.ManagementPort, Username, Password).CreateManagementClient();
        client.Timeout = TimeSpan.FromSeconds(5);
        try
        {
            using var response = await client.GetAsync("api/health/checks/virtual-hosts");
            if (!response.IsSuccessStatusCode)
            {
                return false;
            }

            using var socket = new TcpClient();
            await socket.ConnectAsync(IPAddress.Loopback, node.AmqpPort);
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or SocketException)
        {
            return false;
        }
    }

    private static int? BeamPid(Node node)
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                var commandLine = File.ReadAllText(Path.Combine(dir, "cmdline"));
                if (commandLine.Contains("beam", StringComparison.Ordinal) && commandLine.Contains(node.HomeFolder + "\0", StringComparison.Ordinal))
                {
                    return pid;
                }
            }
            catch (IOException)
            {
                // The process ended meanwhile.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return null;
    }

    private sealed record Node(string Folder, int AmqpPort, int ManagementPort, int DistPort, int EpmdPort)
    {
        public string Name => $"test{AmqpPort}@localhost";

        public string HomeFolder => Path.Combine(Folder, "home");

        public static Node Create(string folder, string cookie, int epmdPort, PrivateRabbitMqBroker broker)
        {
            var node = new Node(folder, LocalProcess.FreePort(), LocalProcess.FreePort(), LocalProcess.FreePort(), epmdPort);
            Directory.CreateDirectory(node.HomeFolder);
            Directory.CreateDirectory(Path.Combine(folder, "mnesia"));
            Directory.CreateDirectory(Path.Combine(folder, "log"));
            var cookieFile = Path.Combine(node.HomeFolder, ".erlang.cookie");
            File.WriteAllText(cookieFile, cookie);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(cookieFile, UnixFileMode.UserRead);
            }
            File.WriteAllText(Path.Combine(folder, "enabled_plugins"), "[rabbitmq_management,rabbitmq_consistent_hash_exchange].");
            File.WriteAllText(Path.Combine(folder, "advanced.config"), "[{kernel, [{inet_dist_use_interface, {127,0,0,1}}]}].");
            File.WriteAllText(Path.Combine(folder, "rabbitmq-env.conf"), "");
            var config = $"""
                listeners.tcp.1 = 127.0.0.1:{node.AmqpPort}
                management.tcp.ip = 127.0.0.1
                management.tcp.port = {node.ManagementPort}
                loopback_users = none
                default_user = {broker.Username}
                default_pass = {broker.Password}
                default_user_tags.administrator = true
                default_permissions.configure = .*
                default_permissions.read = .*
                default_permissions.write = .*
                disk_free_limit.absolute = 200MB
                log.console = false
                log.file.level = info
                """;
            if (broker.ConsumerTimeout is { } timeout)
            {
                config += $"\nconsumer_timeout = {(long)timeout.TotalMilliseconds}";
            }

            File.WriteAllText(Path.Combine(folder, "rabbitmq.conf"), config + "\n");
            return node;
        }

        /// <summary>runuser arguments that run a RabbitMQ tool as the rabbitmq user for this node.</summary>
        public IEnumerable<string> Command(string tool, params string[] arguments) =>
        [
            "-u", "rabbitmq", "--", "env", "-i", "PATH=/usr/bin:/bin:/usr/sbin:/sbin", $"HOME={HomeFolder}",
            "LANG=C.UTF-8", "LC_ALL=C.UTF-8",
            $"RABBITMQ_NODENAME={Name}", "RABBITMQ_NODE_IP_ADDRESS=127.0.0.1", $"RABBITMQ_NODE_PORT={AmqpPort}",
            $"RABBITMQ_DIST_PORT={DistPort}", $"ERL_EPMD_PORT={EpmdPort}", "ERL_EPMD_ADDRESS=127.0.0.1",
            $"RABBITMQ_CONFIG_FILE={Folder}/rabbitmq", $"RABBITMQ_ADVANCED_CONFIG_FILE={Folder}/advanced.config",
            $"RABBITMQ_CONF_ENV_FILE={Folder}/rabbitmq-env.conf", $"RABBITMQ_ENABLED_PLUGINS_FILE={Folder}/enabled_plugins",
            $"RABBITMQ_MNESIA_BASE={Folder}/mnesia", $"RABBITMQ_LOG_BASE={Folder}/log", $"RABBITMQ_PID_FILE={Folder}/rabbitmq.pid",
            Path.Combine(RabbitBin, tool), .. arguments,
        ];
    }
}
