using System.Globalization;
using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>
/// Recognises a section label at the very start of a line or heading: "Done: x", "WIP - y", "**Blockers**",
/// "✅ Completed", "Next week". A label must open the line (after an optional bullet, emoji or emphasis) and be
/// followed by a colon, a spaced dash, or nothing; so "Done: x" is a label but "I'm done: finally",
/// "Done with the migration" and "Next, I'll…" are not.
/// </summary>
internal static partial class SectionLabels
{
    // Risks are deliberately not blockers: blocker items are tracked, resolved and carried over week to week,
    // while a risk is context. "Risks:" and the other note labels end the current section and stay in Notes as written.
    private static readonly (string Label, UpdateSection Section)[] Labels =
    [
        .. Of(UpdateSection.Completed, "completed", "complete", "done", "shipped", "finished", "accomplished"),
        .. Of(UpdateSection.InProgress, "in progress", "in-progress", "progress", "wip", "doing", "working on", "ongoing"),
        .. Of(UpdateSection.Blockers, "blockers", "blocker", "blocked by", "blocked", "impediments", "impediment"),
        .. Of(UpdateSection.NextWeek, "next week", "next up", "up next", "next", "plans", "plan", "planned", "todo", "to do", "to-do", "coming up"),
        .. Of(UpdateSection.Notes, "notes", "note", "other", "misc", "fyi", "risks", "risk"),
    ];

    // So "next week" is tried before "next", and "blocked by" before "blocked".
    private static readonly (string Label, UpdateSection Section)[] LongestFirst =
        [.. Labels.OrderByDescending(l => l.Label.Length)];

    private const string Bullets = "•◦▪▫●○‣⁃∙·";

    private static readonly string[] Emphasis = ["**", "__", "*", "_"];

    public static bool TryMatch(string line, out SectionLabel label)
    {
        label = default;
        var start = SkipSpaces(line, 0);
        var bulletEnd = start < line.Length && Bullets.Contains(line[start], StringComparison.Ordinal)
            && (start + 1 == line.Length || char.IsWhiteSpace(line[start + 1]))
            ? SkipSpaces(line, start + 1)
            : start;
        var at = SkipDecoration(line, bulletEnd);
        var open = Emphasis.FirstOrDefault(e => string.CompareOrdinal(line, at, e, 0, e.Length) == 0) ?? "";
        at += open.Length;

        foreach (var (text, section) in LongestFirst)
        {
            if (string.Compare(line, at, text, 0, text.Length, StringComparison.OrdinalIgnoreCase) == 0
                && TryReadRest(line, at + text.Length, open, out var rest))
            {
                label = new SectionLabel(section, line[start..bulletEnd], rest);
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Splits one line where a label with a colon follows <c>;</c>, <c>|</c> or a sentence's <c>.</c>, as people type
    /// updates in one line ("Done: payouts; Blocked: bank keys. Next: refunds"); text in backticks is never split.
    /// A line without such a label comes back whole.
    /// </summary>
    public static IReadOnlyList<string> SplitAtInlineLabels(string line)
    {
        var segments = new List<string>();
        var start = 0;
        var inCode = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '`')
            {
                inCode = !inCode;
            }
            else if (!inCode && (c is ';' or '|' || (c == '.' && i + 1 < line.Length && char.IsWhiteSpace(line[i + 1])))
                && IsColonLabel(line[(i + 1)..]))
            {
                segments.Add(line[start..(c == '.' ? i + 1 : i)].TrimEnd());
                start = i + 1;
            }
        }

        segments.Add(start == 0 ? line : line[start..].Trim());
        return segments;
    }

    // Mid-line, only "Label:" starts a section: "fixed it; next we ship" stays one sentence.
    private static bool IsColonLabel(string text)
    {
        if (!TryMatch(text, out var label))
        {
            return false;
        }

        var trimmed = text.Trim();
        return trimmed[..(trimmed.Length - label.Rest.Length)].Contains(':', StringComparison.Ordinal);
    }

    private static bool TryReadRest(string line, int at, string open, [NotNullWhen(true)] out string? rest)
    {
        rest = null;
        var separated = false;
        var next = SkipSpaces(line, at);
        if (IsColon(line, next))
        {
            separated = true;
            at = next + 1;
        }

        if (open.Length > 0)
        {
            if (string.CompareOrdinal(line, at, open, 0, open.Length) != 0)
            {
                return false;
            }

            at += open.Length;
        }

        next = SkipSpaces(line, at);
        if (!separated && IsColon(line, next))
        {
            separated = true;
            at = next + 1;
        }
        else if (!separated && next > at && next < line.Length && line[next] is '-' or '–' or '—'
            && (next + 1 == line.Length || char.IsWhiteSpace(line[next + 1])))
        {
            separated = true;
            at = next + 1;
        }

        // Without a separator only decoration may follow, as in "## Done 🎉".
        var remainder = line[at..].Trim();
        if (!separated && SkipDecoration(remainder, 0) < remainder.Length)
        {
            return false;
        }

        rest = separated ? remainder : "";
        return true;
    }

    // A colon separates, unless it opens a :shortcode:.
    private static bool IsColon(string line, int at) =>
        at < line.Length && line[at] == ':' && !Shortcode().Match(line, at, line.Length - at).Success;

    // Emoji and :shortcodes: often decorate labels ("✅ Done:", ":construction: WIP:"); they are dropped with the label.
    private static int SkipDecoration(string line, int at)
    {
        while (true)
        {
            at = SkipSpaces(line, at);
            if (at >= line.Length)
            {
                return at;
            }

            var shortcode = Shortcode().Match(line, at, line.Length - at);
            if (shortcode.Success)
            {
                at += shortcode.Length;
            }
            else if (IsEmojiPart(line[at]))
            {
                at++;
            }
            else
            {
                return at;
            }
        }
    }

    private static bool IsEmojiPart(char c) =>
        char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.OtherSymbol
            or UnicodeCategory.ModifierSymbol or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.Format;

    private static int SkipSpaces(string line, int at)
    {
        while (at < line.Length && char.IsWhiteSpace(line[at]))
        {
            at++;
        }

        return at;
    }

    private static IEnumerable<(string, UpdateSection)> Of(UpdateSection section, params string[] labels) =>
        labels.Select(label => (label, section));

    // Matched on the rest of the line (Match(line, at, length)), where ^ is `at`: the linear engine has no \G.
    [GeneratedRegex(@"^:[a-z0-9_+\-]+:", RegexOptions.NonBacktracking | RegexOptions.IgnoreCase)]
    private static partial Regex Shortcode();
}
