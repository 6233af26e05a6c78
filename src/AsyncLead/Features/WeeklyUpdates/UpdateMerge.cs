using System.Text.RegularExpressions;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>
/// Adds one update to another, section by section: a section's new lines go after its old ones, except lines it has
/// already (case, spacing and list markers aside), so sending the same line twice lists it once. Nothing of the
/// old update is dropped. Pure: the add-or-replace question shows <see cref="Additions"/> before anything is saved.
/// </summary>
internal static partial class UpdateMerge
{
    public static WeeklyUpdateSections Add(WeeklyUpdateSections existing, WeeklyUpdateSections added) => new(
        Merge(existing.Completed, added.Completed),
        Merge(existing.InProgress, added.InProgress),
        Merge(existing.Blockers, added.Blockers),
        Merge(existing.NextWeek, added.NextWeek),
        Merge(existing.Notes, added.Notes));

    /// <summary>Per section (in the reply's order and names), the lines <see cref="Add"/> would append; sections gaining none are left out.</summary>
    public static IReadOnlyList<(string Section, IReadOnlyList<string> Lines)> Additions(WeeklyUpdateSections existing, WeeklyUpdateSections added) =>
    [
        .. Named(existing).Zip(Named(added))
            .Select(pair => (pair.First.Name, Fresh(pair.First.Text, pair.Second.Text)))
            .Where(section => section.Item2.Count > 0),
    ];

    /// <summary>The sections as the reply names them, with their text.</summary>
    public static IEnumerable<(string Name, string Text)> Named(WeeklyUpdateSections sections) =>
    [
        ("Completed", sections.Completed),
        ("In Progress", sections.InProgress),
        ("Blockers", sections.Blockers),
        ("Next Week", sections.NextWeek),
        ("Notes", sections.Notes),
    ];

    /// <summary>Whether two updates say the same in every section (see <see cref="SameText"/>).</summary>
    public static bool SameUpdate(WeeklyUpdateSections a, WeeklyUpdateSections b) =>
        Named(a).Zip(Named(b)).All(pair => SameText(pair.First.Text, pair.Second.Text));

    /// <summary>Whether two texts say the same, line by line, case, spacing and list markers aside.</summary>
    public static bool SameText(string a, string b) => Keys(a).SequenceEqual(Keys(b), StringComparer.Ordinal);

    private static string Merge(string existing, string added)
    {
        var fresh = Fresh(existing, added);
        if (fresh.Count == 0)
        {
            return existing;
        }

        if (string.IsNullOrWhiteSpace(existing))
        {
            return string.Join("\n", fresh);
        }

        // A line added to a list joins the list, rather than running on as a continuation of its last item.
        var last = existing.TrimEnd().Split('\n')[^1];
        var bullet = Bullet().Match(last.TrimStart());
        var marker = bullet.Success && !last.StartsWith(' ') ? bullet.Value : "";
        return existing.TrimEnd() + "\n" + string.Join("\n", fresh.Select(line => marker.Length > 0 && !Bullet().IsMatch(line.TrimStart()) ? marker + line : line));
    }

    private static List<string> Fresh(string existing, string added)
    {
        var seen = Keys(existing).ToHashSet(StringComparer.Ordinal);
        return [.. added.ReplaceLineEndings("\n").Split('\n')
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Where(line => seen.Add(Key(line)))];
    }

    private static IEnumerable<string> Keys(string text) =>
        text.ReplaceLineEndings("\n").Split('\n').Where(line => !string.IsNullOrWhiteSpace(line)).Select(Key);

    private static string Key(string line)
    {
        var trimmed = line.Trim();
        return UpdateStore.BlockerKey(trimmed[Bullet().Match(trimmed).Length..]);
    }

    // A leading list marker and its space: "- ", "* ", "+ ", "• ".
    [GeneratedRegex(@"^[-*+•]\s+", RegexOptions.NonBacktracking)]
    private static partial Regex Bullet();
}
