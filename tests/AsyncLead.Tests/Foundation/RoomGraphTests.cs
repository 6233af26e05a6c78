using System.Text.RegularExpressions;
using AsyncLead.Testing;

namespace AsyncLead.Tests.Foundation;

/// <summary>
/// The app's rooms (top-level folders of src/AsyncLead, each of <c>Features/</c> counting as one, and the composition
/// root at the project root) lean one way, and <c>docs/architecture.md</c> lists exactly the edges the code has. A room
/// names another through a <c>using</c> line or a qualified name (<c>AsyncLead.Features.Home.X</c>); the root's types
/// are visible everywhere without either, so naming one of them counts too.
/// </summary>
public sealed partial class RoomGraphTests
{
    private const string RootRoom = "AsyncLead";

    private static readonly string AppFolder = Path.Combine(RepositoryRoot.Path, "src", "AsyncLead");

    [Fact]
    public void Rooms_form_no_cycle()
    {
        var graph = CodeGraph();

        var cycle = FindCycle(graph);

        Assert.True(cycle is null, $"The rooms lean on each other in a circle: {string.Join(" -> ", cycle ?? [])}");
    }

    [Fact]
    public void The_architecture_doc_lists_exactly_the_rooms_and_edges_the_code_has()
    {
        var code = CodeGraph();
        var documented = DocumentedGraph();

        Assert.Equal(code.Keys.Order(StringComparer.Ordinal), documented.Keys.Order(StringComparer.Ordinal));
        var undocumented = Edges(code).Except(Edges(documented)).ToList();
        var stale = Edges(documented).Except(Edges(code)).ToList();
        Assert.True(undocumented.Count == 0,
            $"Room edges in the code but not in docs/architecture.md (add them there if they lean the right way): {string.Join(", ", undocumented)}");
        Assert.True(stale.Count == 0, $"Room edges in docs/architecture.md the code no longer has: {string.Join(", ", stale)}");
    }

    [Fact]
    public void Every_file_sits_in_its_rooms_namespace()
    {
        var misplaced = SourceFiles()
            .Select(file => (file.Path, file.Room, Namespace: NamespaceLine().Match(file.Text) is { Success: true } m ? m.Groups[1].Value : null))
            .Where(f => f.Namespace is not null && RoomOfNamespace(f.Namespace) != f.Room)
            .Select(f => $"{Path.GetRelativePath(AppFolder, f.Path)} ({f.Namespace})")
            .ToList();

        Assert.True(misplaced.Count == 0, $"Files whose namespace is not their folder's room: {string.Join(", ", misplaced)}");
    }

    [Fact]
    public void The_graph_reader_sees_using_lines_qualified_names_and_root_types()
    {
        var rooms = new HashSet<string>(StringComparer.Ordinal) { RootRoom, "Home", "Members", "Web" };
        var rootTypes = new HashSet<string>(StringComparer.Ordinal) { "AsyncLeadHost" };

        var named = NamedRooms("using AsyncLead.Features.Home;\nvar x = AsyncLead.Web.PageLayout.Encode(\"AsyncLead.dll\");\nAsyncLeadHost.Run();",
            rooms, rootTypes);

        Assert.Equal(["AsyncLead", "Home", "Web"], named.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_cycle_finder_finds_a_circle_and_passes_a_layering()
    {
        var layered = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal)
        {
            ["Home"] = ["Members", "Outbox"], ["Members"] = ["Outbox"], ["Outbox"] = [],
        };
        var circle = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal)
        {
            ["Home"] = ["Members"], ["Members"] = ["Outbox"], ["Outbox"] = ["Home"],
        };

        Assert.Null(FindCycle(layered));
        Assert.Equal(["Home", "Members", "Outbox", "Home"], FindCycle(circle));
    }

    private static Dictionary<string, HashSet<string>> CodeGraph()
    {
        var files = SourceFiles().ToList();
        var rooms = files.Select(f => f.Room).ToHashSet(StringComparer.Ordinal);
        var rootTypes = files.Where(f => f.Room == RootRoom)
            .SelectMany(f => TypeDeclaration().Matches(f.Text).Select(m => m.Groups[1].Value))
            .Where(name => name != "Program")
            .ToHashSet(StringComparer.Ordinal);
        var graph = rooms.ToDictionary(room => room, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var file in files)
        {
            graph[file.Room].UnionWith(NamedRooms(file.Text, rooms, rootTypes).Where(room => room != file.Room));
        }

        return graph;
    }

    private static IEnumerable<string> NamedRooms(string text, IReadOnlySet<string> rooms, IReadOnlySet<string> rootTypes)
    {
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match match in QualifiedName().Matches(text))
        {
            if (rooms.Contains(match.Groups[1].Value))
            {
                named.Add(match.Groups[1].Value);
            }
        }

        if (Identifier().Matches(text).Any(m => rootTypes.Contains(m.Value)))
        {
            named.Add(RootRoom);
        }

        return named;
    }

    private static IEnumerable<(string Path, string Room, string Text)> SourceFiles() =>
        Directory.EnumerateFiles(AppFolder, "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(path))
            .Select(path => (path, RoomOfPath(path), File.ReadAllText(path)));

    private static bool IsBuildOutput(string path) =>
        Path.GetRelativePath(AppFolder, path).Split(Path.DirectorySeparatorChar) is [var first, ..] && first is "bin" or "obj";

    private static string RoomOfPath(string path) =>
        Path.GetRelativePath(AppFolder, path).Split(Path.DirectorySeparatorChar) switch
        {
            ["Features", var feature, _, ..] => feature,
            [_] => RootRoom,
            [var folder, ..] => folder,
            _ => RootRoom,
        };

    private static string RoomOfNamespace(string ns) =>
        ns.Split('.') switch
        {
            ["AsyncLead"] => RootRoom,
            ["AsyncLead", "Features", var feature, ..] => feature,
            ["AsyncLead", var room, ..] => room,
            _ => ns,
        };

    /// <summary>The block after the line <c>&lt;!-- room edges --&gt;</c>: one line per room, <c>Room -> Other, Other</c>.</summary>
    private static Dictionary<string, HashSet<string>> DocumentedGraph()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "docs", "architecture.md"));
        var start = Array.IndexOf(lines, "<!-- room edges -->");
        Assert.True(start >= 0, "docs/architecture.md has no '<!-- room edges -->' block.");
        var graph = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(start + 2).TakeWhile(l => !l.StartsWith("```", StringComparison.Ordinal)))
        {
            var parts = line.Split("->", 2, StringSplitOptions.TrimEntries);
            graph[parts[0]] = parts is [_, { Length: > 0 } targets]
                ? targets.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal)
                : new HashSet<string>(StringComparer.Ordinal);
        }

        return graph;
    }

    private static IEnumerable<string> Edges(Dictionary<string, HashSet<string>> graph) =>
        graph.SelectMany(pair => pair.Value.Select(target => $"{pair.Key} -> {target}"));

    private static List<string>? FindCycle(Dictionary<string, HashSet<string>> graph)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1: on the path, 2: done
        var path = new List<string>();

        List<string>? Visit(string room)
        {
            state[room] = 1;
            path.Add(room);
            foreach (var next in graph.GetValueOrDefault(room) ?? [])
            {
                if (state.GetValueOrDefault(next) == 1)
                {
                    return [.. path.SkipWhile(r => r != next), next];
                }

                if (state.GetValueOrDefault(next) == 0 && Visit(next) is { } cycle)
                {
                    return cycle;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[room] = 2;
            return null;
        }

        return graph.Keys.Order(StringComparer.Ordinal).Where(room => state.GetValueOrDefault(room) == 0).Select(Visit).FirstOrDefault(c => c is not null);
    }

    [GeneratedRegex(@"\bAsyncLead\.(?:Features\.)?(\w+)")]
    private static partial Regex QualifiedName();

    [GeneratedRegex(@"\b[A-Z]\w*\b")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"^\s*(?:public|internal)\s+(?:static\s+|sealed\s+|abstract\s+|partial\s+)*(?:class|record|struct|interface|enum)\s+(\w+)", RegexOptions.Multiline)]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"^namespace\s+([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();
}
