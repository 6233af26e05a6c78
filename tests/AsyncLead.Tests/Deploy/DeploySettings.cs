using AsyncLead.Web;
using System.Reflection;
using AsyncLead.Jobs;
using AsyncLead.Slack;
using AsyncLead.Testing;
using YamlDotNet.RepresentationModel;

namespace AsyncLead.Tests.Deploy;

/// <summary>What the deploy files may set: a setting the code binds (Section__Property of its options class), or one a library reads.</summary>
internal static class DeploySettings
{
    private static readonly Dictionary<string, Type> OptionsBySection = new()
    {
        [SlackOptions.SectionName] = typeof(SlackOptions),
        [AsyncLeadOptions.SectionName] = typeof(AsyncLeadOptions),
        [JobsOptions.SectionName] = typeof(JobsOptions),
    };

    private static readonly HashSet<string> ReadElsewhere =
    [
        "ConnectionStrings__Postgres",
        "OTEL_EXPORTER_OTLP_ENDPOINT",
    ];

    public static bool IsBoundByTheApp(string name)
    {
        if (ReadElsewhere.Contains(name))
        {
            return true;
        }

        var parts = name.Split("__");
        return parts.Length == 2
            && OptionsBySection.TryGetValue(parts[0], out var options)
            && options.GetProperty(parts[1], BindingFlags.Public | BindingFlags.Instance) is { CanWrite: true };
    }

    public static YamlMappingNode Load(params string[] relativePath) => LoadAll(relativePath).Single();

    public static IReadOnlyList<YamlMappingNode> LoadAll(params string[] relativePath)
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine([RepositoryRoot.Path, .. relativePath]));
        yaml.Load(reader);
        return [.. yaml.Documents.Select(document => (YamlMappingNode)document.RootNode)];
    }

    public static YamlNode At(this YamlNode node, params object[] path)
    {
        foreach (var step in path)
        {
            node = step switch
            {
                string key => ((YamlMappingNode)node)[key],
                int index => ((YamlSequenceNode)node)[index],
                _ => throw new ArgumentException($"Path steps are keys or indexes, not {step}."),
            };
        }

        return node;
    }

    public static string Text(this YamlNode node, params object[] path) => ((YamlScalarNode)node.At(path)).Value ?? "";

    public static IEnumerable<string> Keys(this YamlNode node) => ((YamlMappingNode)node).Children.Keys.Select(key => ((YamlScalarNode)key).Value!);

    public static IEnumerable<string> Items(this YamlNode node) => ((YamlSequenceNode)node).Children.Select(item => ((YamlScalarNode)item).Value!);
}
