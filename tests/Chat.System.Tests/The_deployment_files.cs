using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Chat.System.Tests;

/// <summary>
/// What can be checked of docker/ without a Docker engine: the compose file is valid, names real
/// Dockerfile stages and real settings, and docs/DEPLOYMENT.md documents every setting there is.
/// </summary>
public sealed partial class The_deployment_files
{
    private static readonly string Docker = Path.Combine(LocalSettings.RepositoryRoot, "docker");
    private static readonly string Dockerfile = File.ReadAllText(Path.Combine(Docker, "Dockerfile"));
    private static readonly string Deployment = File.ReadAllText(Path.Combine(LocalSettings.RepositoryRoot, "docs", "DEPLOYMENT.md"));
    private static readonly string[] ConfiguredAssemblies = ["Chat.Ingest", "Chat.Projections", "Chat.Query", "Chat.Migrator", "Chat.ServiceDefaults"];

    [Fact]
    public async Task Compose_accepts_the_file_with_every_secret_set()
    {
        var result = await ComposeConfigAsync(EnvironmentFile(omit: null));

        Assert.True(result.ExitCode == 0, result.Output);
    }

    [Theory]
    [InlineData("POSTGRES_PASSWORD")]
    [InlineData("RABBITMQ_PASSWORD")]
    [InlineData("QUERY_DB_PASSWORD")]
    public async Task Compose_refuses_the_file_when_a_secret_is_missing(string secret)
    {
        var result = await ComposeConfigAsync(EnvironmentFile(omit: secret));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(secret, result.Output);
    }

    [Fact]
    public void Every_build_names_a_stage_of_the_dockerfile()
    {
        var stages = StageRegex().Matches(Dockerfile).Select(m => m.Groups[1].Value).ToHashSet();

        foreach (var (service, build) in Builds())
        {
            Assert.Equal("docker/Dockerfile", build["dockerfile"]);
            Assert.True(stages.Contains(build["target"]), $"{service}: no stage '{build["target"]}' in docker/Dockerfile");
        }
    }

    [Fact]
    public void Every_file_the_dockerfile_copies_exists()
    {
        var sources = CopyRegex().Matches(Dockerfile)
            .SelectMany(m => m.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipLast(1));

        Assert.All(sources, source => Assert.True(
            Path.Exists(Path.Combine(LocalSettings.RepositoryRoot, source)), $"COPY {source}: not in the repository"));
    }

    [Fact]
    public void Every_entrypoint_runs_a_project_of_the_solution()
    {
        var assemblies = EntrypointRegex().Matches(Dockerfile).Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(4, assemblies.Count);
        Assert.All(assemblies, assembly => Assert.True(
            File.Exists(Path.Combine(LocalSettings.RepositoryRoot, "src", assembly, $"{assembly}.csproj")), $"{assembly}.dll: no src/{assembly}"));
    }

    [Fact]
    public void Every_setting_a_service_reads_is_documented()
    {
        // `Section__Name`, or `Section__Name__<key>` for a dictionary of settings.
        var undocumented = SettingKeys()
            .Where(key => !Deployment.Contains($"`{key}`", StringComparison.Ordinal) && !Deployment.Contains($"`{key}__<", StringComparison.Ordinal))
            .ToList();

        Assert.True(undocumented.Count == 0, "missing from docs/DEPLOYMENT.md: " + string.Join(", ", undocumented));
    }

    [Fact]
    public void Every_setting_the_compose_file_passes_is_one_a_service_reads()
    {
        var known = SettingKeys().ToHashSet();
        var passed = Services().SelectMany(s => s.Environment.Keys).Where(k => k.Contains("__", StringComparison.Ordinal) && !k.StartsWith("ConnectionStrings__", StringComparison.Ordinal));

        Assert.All(passed, key => Assert.True(
            known.Contains(key) || known.Any(k => key.StartsWith(k + "__", StringComparison.Ordinal)), $"{key} is read by no service"));
    }

    /// <summary>Section__Property of every options class the services and the migrator bind.</summary>
    private static IEnumerable<string> SettingKeys() =>
        ConfiguredAssemblies
            .Select(Assembly.Load)
            .SelectMany(a => a.GetTypes())
            .Select(t => (Type: t, Section: t.GetField("Section", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string))
            .Where(t => t.Type.Name.EndsWith("Options", StringComparison.Ordinal) && t.Section is not null)
            .SelectMany(t => t.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.SetMethod is { IsPublic: true } || IsBoundCollection(p))
                .Select(p => $"{t.Section}__{p.Name}"))
            .Distinct();

    // The configuration binder fills a get-only list or dictionary in place.
    private static bool IsBoundCollection(PropertyInfo property) =>
        property.PropertyType != typeof(string) && typeof(global::System.Collections.IEnumerable).IsAssignableFrom(property.PropertyType);

    private static IEnumerable<(string Name, Dictionary<string, string> Environment)> Services()
    {
        foreach (var (name, service) in Compose()["services"].AsMap())
        {
            var environment = service.AsMap().TryGetValue("environment", out var env)
                ? env.AsMap().ToDictionary(e => e.Key, e => ((YamlScalarNode)e.Value).Value ?? "")
                : [];
            yield return (name, environment);
        }
    }

    private static IEnumerable<(string Service, Dictionary<string, string> Build)> Builds() =>
        Compose()["services"].AsMap()
            .Where(s => s.Value.AsMap().ContainsKey("build"))
            .Select(s => (s.Key, s.Value.AsMap()["build"].AsMap().ToDictionary(b => b.Key, b => ((YamlScalarNode)b.Value).Value ?? "")));

    private static Dictionary<string, YamlNode> Compose()
    {
        using var reader = new StreamReader(Path.Combine(Docker, "docker-compose.yml"));
        var yaml = new YamlStream();
        yaml.Load(reader);
        return yaml.Documents[0].RootNode.AsMap();
    }

    private static string EnvironmentFile(string? omit)
    {
        var path = Path.Combine(Path.GetTempPath(), $"chat-compose-{Guid.NewGuid():N}.env");
        File.WriteAllLines(path, File.ReadAllLines(Path.Combine(Docker, ".env.example"))
            .Where(line => !line.StartsWith('#'))
            .Where(line => omit is null || !line.StartsWith(omit + "=", StringComparison.Ordinal))
            .Select(line => line.EndsWith('=') ? line + "not-a-real-secret" : line));
        return path;
    }

    private static async Task<(int ExitCode, string Output)> ComposeConfigAsync(string environmentFile)
    {
        var start = new ProcessStartInfo("docker-compose")
        {
            ArgumentList = { "-f", Path.Combine(Docker, "docker-compose.yml"), "--env-file", environmentFile, "config", "-q" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        File.Delete(environmentFile);
        return (process.ExitCode, output);
    }

    [GeneratedRegex(@"^FROM\s+\S+\s+AS\s+(\S+)", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex StageRegex();

    [GeneratedRegex(@"^COPY\s+(?!--from)(.+)$", RegexOptions.Multiline)]
    private static partial Regex CopyRegex();

    [GeneratedRegex(@"^ENTRYPOINT\s+\[""dotnet"",\s*""([^""]+)\.dll""\]", RegexOptions.Multiline)]
    private static partial Regex EntrypointRegex();
}

internal static class YamlNodes
{
    /// <summary>A mapping's entries, with YAML merge keys (<c>&lt;&lt;: *anchor</c>) resolved as Compose resolves them.</summary>
    public static Dictionary<string, YamlNode> AsMap(this YamlNode node)
    {
        var map = new Dictionary<string, YamlNode>();
        foreach (var (key, value) in ((YamlMappingNode)node).Children)
        {
            if (((YamlScalarNode)key).Value == "<<")
            {
                foreach (var (mergedKey, mergedValue) in value.AsMap())
                {
                    map.TryAdd(mergedKey, mergedValue);
                }
            }
            else
            {
                map[((YamlScalarNode)key).Value!] = value;
            }
        }

        return map;
    }
}
