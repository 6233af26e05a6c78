using System.Text.RegularExpressions;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>
/// Splits a Blockers section into items: one per top-level bullet, or one per non-empty line where there are no
/// bullets. Deeper lines belong to the item above them (a nested bullet joins with "; ", a wrapped line with a
/// space); a fenced code block stays with its item as written. "none", "n/a", "-", "no blockers" and the like
/// mean there is no blocker.
/// </summary>
public static partial class BlockerItems
{
    public static IReadOnlyList<string> Extract(string blockers)
    {
        var items = new List<(int Indent, string Text)>();
        var inFence = false;
        foreach (var line in blockers.ReplaceLineEndings("\n").Split('\n'))
        {
            var trimmed = line.Trim();
            var isFence = trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal);
            if (inFence || isFence)
            {
                inFence ^= isFence;
                if (items.Count == 0)
                {
                    items.Add((0, line));
                }
                else
                {
                    items[^1] = items[^1] with { Text = items[^1].Text + "\n" + line };
                }

                continue;
            }

            if (trimmed.Length == 0)
            {
                continue;
            }

            var indent = line.Length - line.TrimStart().Length;
            var bullet = Bullet().Match(trimmed);
            var text = trimmed[bullet.Length..].Trim();
            if (items.Count > 0 && indent > items[^1].Indent)
            {
                items[^1] = items[^1] with { Text = items[^1].Text + (bullet.Success ? "; " : " ") + text };
            }
            else
            {
                items.Add((indent, text));
            }
        }

        return [.. items.Select(item => item.Text).Where(text => !NoBlocker().IsMatch(Normalize(text)))];
    }

    private static string Normalize(string text) =>
        Decoration().Replace(text, "").Trim().TrimEnd('.', '!').Trim().ToLowerInvariant();

    // A leading list marker: -, *, +, Slack's •, "1." or "1)", and a task box.
    [GeneratedRegex(@"^(?:[-*+•◦▪‣●·]|\d{1,3}[.)])(?:$|\s+(?:\[[ xX]\]\s*)?)", RegexOptions.NonBacktracking)]
    private static partial Regex Bullet();

    // Emphasis, code ticks, emoji and :shortcodes: around "none".
    [GeneratedRegex(@"[*_`~]|:[a-z0-9_+\-]+:|\p{So}|\p{Cs}|\uFE0F|\u200D", RegexOptions.NonBacktracking | RegexOptions.IgnoreCase)]
    private static partial Regex Decoration();

    [GeneratedRegex(@"^(?:|[-–—]|n/?a|nil|nope|nada|nothing|none|no|no blockers?|not blocked|nothing blocking(?: me)?)(?:\s*(?:so far|right now|at the moment|currently|this week|for now|atm))?$", RegexOptions.NonBacktracking)]
    private static partial Regex NoBlocker();
}
