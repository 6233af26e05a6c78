using System.Text.RegularExpressions;
using AsyncLead.Testing;

namespace AsyncLead.Tests.Foundation;

/// <summary>
/// A reader finds a type by its name: every source file of the app, its libraries and its benchmarks holds one
/// top-level type, in the file of that name (partial parts as <c>Type.Part.cs</c>). Types nested inside a class stay
/// with it. <c>Program.cs</c> files hold top-level statements.
/// </summary>
public sealed partial class FileLayoutTests
{
    [Fact]
    public void Every_source_file_holds_one_top_level_type_named_like_the_file()
    {
        var misnamed = SourceFiles()
            .Select(path => (Path: path, Name: Path.GetFileNameWithoutExtension(path).Split('.')[0], Types: TopLevelTypes(File.ReadAllText(path))))
            .Where(file => file.Name != "Program" && (file.Types.Count != 1 || file.Types[0] != file.Name))
            .Select(file => $"{Path.GetRelativePath(RepositoryRoot.Path, file.Path)} holds [{string.Join(", ", file.Types)}]")
            .ToList();

        Assert.True(misnamed.Count == 0, $"Files that don't hold exactly the one type they are named for: {string.Join("; ", misnamed)}");
    }

    [Fact]
    public void The_type_reader_sees_top_level_declarations_and_not_nested_ones()
    {
        const string text = """
            namespace X;

            /// <summary>A record.</summary>
            public sealed record Outer(string Id)
            {
                private sealed record Nested(int N);
            }

            internal static partial class Helper;
            """;

        Assert.Equal(["Outer", "Helper"], TopLevelTypes(text));
    }

    private static List<string> TopLevelTypes(string text) =>
        [.. TopLevelDeclaration().Matches(text).Select(match => match.Groups["name"].Value).Distinct(StringComparer.Ordinal)];

    private static IEnumerable<string> SourceFiles() =>
        new[] { "src", "bench" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, folder), "*.cs", SearchOption.AllDirectories))
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"));

    // File-scoped namespaces put top-level declarations at the start of a line; nested ones are indented.
    [GeneratedRegex(@"^(?:(?:public|internal|file|static|sealed|abstract|partial|readonly)\s+)*(?:record\s+struct|record\s+class|class|record|struct|interface|enum)\s+(?<name>\w+)",
        RegexOptions.Multiline | RegexOptions.NonBacktracking)]
    private static partial Regex TopLevelDeclaration();
}
