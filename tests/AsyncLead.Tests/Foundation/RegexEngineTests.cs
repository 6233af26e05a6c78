using System.Reflection;
using System.Text.RegularExpressions;
using AsyncLead.Features.Members;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Testing;

namespace AsyncLead.Tests.Foundation;

/// <summary>
/// Every regex the app and its Slack adapter run is the linear-time engine (NonBacktracking), so no text anyone types
/// can make one backtrack: "hours 1" followed by 16,000 spaces and an "x" took over 100 ms in the backtracking engine.
/// </summary>
public sealed class RegexEngineTests
{
    private static readonly Assembly[] Ours = [typeof(MemberSettingsParser).Assembly, typeof(SlackAck).Assembly];

    public static TheoryData<string> GeneratedRegexes()
    {
        var data = new TheoryData<string>();
        foreach (var method in RegexMethods())
        {
            data.Add($"{method.DeclaringType!.FullName}.{method.Name}");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GeneratedRegexes))]
    public void Each_generated_regex_runs_on_the_linear_engine(string name)
    {
        var method = RegexMethods().Single(m => $"{m.DeclaringType!.FullName}.{m.Name}" == name);
        var regex = (Regex)method.Invoke(null, null)!;

        Assert.True(regex.Options.HasFlag(RegexOptions.NonBacktracking), $"{name} is /{regex}/ with {regex.Options}");
    }

    /// <summary>Runs of what the patterns repeat, 200,000 characters long: the backtracking engine took tens of seconds on the first.</summary>
    private static readonly Dictionary<string, Func<string>> Adversarial = new()
    {
        ["a digit, spaces, no range"] = () => "1" + new string(' ', 200_000) + "x",
        ["a time, spaces, a dash"] = () => "9:00" + new string(' ', 200_000) + "-",
        ["many digits apart"] = () => "hours " + string.Concat(Enumerable.Repeat("1 ", 100_000)) + "x",
        ["day ranges without end"] = () => string.Concat(Enumerable.Repeat("Mon-", 50_000)),
        ["shortcodes never closed"] = () => string.Concat(Enumerable.Repeat(":a", 100_000)),
        ["task boxes"] = () => string.Concat(Enumerable.Repeat("- [ ] ", 33_334)),
        ["until, spaces"] = () => "until " + new string(' ', 200_000) + "2026-12-01",
        ["a date, spaces, dots"] = () => "2026-12-01" + new string(' ', 200_000) + "..",
        ["a long decision number"] = () => "DEC-" + new string('1', 200_000),
        ["a mention never closed"] = () => "<@" + new string('A', 200_000),
        ["a date token never closed"] = () => "<!date^" + new string('x', 200_000),
        ["no blockers, spaces"] = () => "no blockers" + new string(' ', 200_000) + "so",
        ["newlines"] = () => new string('\n', 200_000) + "x",
    };

    public static TheoryData<string> AdversarialInputs() => [.. Adversarial.Keys];

    [Theory]
    [MemberData(nameof(AdversarialInputs))]
    public void Adversarial_inputs_finish_every_regex_well_inside_a_generous_timeout(string name)
    {
        var input = Adversarial[name]();
        // The same pattern and options with a timeout that only runaway backtracking could reach: no wall-clock
        // threshold on the test itself, and a regex that backtracked on this input would throw here.
        foreach (var method in RegexMethods())
        {
            var generated = (Regex)method.Invoke(null, null)!;
            var timed = new Regex(generated.ToString(), generated.Options, TimeSpan.FromSeconds(1));

            var exception = Record.Exception(() => timed.Matches(input).Count);

            Assert.Null(exception);
        }
    }

    [Fact]
    public void The_parsers_of_what_people_type_are_among_them()
    {
        var declaring = RegexMethods().Select(m => m.DeclaringType!.Name).ToHashSet();

        Assert.Superset(new HashSet<string> { "MemberSettingsParser", "DigestSettingParser", "DecisionDocParser", "DecisionShortId", "BlockerItems", "SectionLabels", "SlackTokens" },
            declaring);
    }

    [Fact]
    public void No_regex_is_built_or_called_any_other_way()
    {
        // A Regex built at run time or a static Regex.Match would escape the check above.
        var sources = new[] { "AsyncLead", "AsyncLead.Slack" }
            .SelectMany(project => Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "src", project), "*.cs", SearchOption.AllDirectories))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var offenders = sources
            .SelectMany(path => File.ReadLines(path).Select((line, i) => (path, line, i)))
            .Where(l => Regex.IsMatch(l.line, @"new\s+(?:System\.Text\.RegularExpressions\.)?Regex\s*\(|\bRegex\.(?:IsMatch|Match|Matches|Replace|Split|EnumerateMatches|Count)\s*\("))
            .Select(l => $"{Path.GetRelativePath(RepositoryRoot.Path, l.path)}:{l.i + 1}: {l.line.Trim()}")
            .ToList();

        Assert.Empty(offenders);
    }

    private static IEnumerable<MethodInfo> RegexMethods() =>
        Ours.SelectMany(assembly => assembly.GetTypes())
            .SelectMany(type => type.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(method => method.GetCustomAttribute<GeneratedRegexAttribute>() is not null)
            .OrderBy(method => method.DeclaringType!.FullName, StringComparer.Ordinal).ThenBy(method => method.Name, StringComparer.Ordinal);
}
