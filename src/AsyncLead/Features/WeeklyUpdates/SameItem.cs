using System.Text;
using System.Text.RegularExpressions;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>
/// Whether two lines of updates name the same piece of work: the one place that decides it, for a plan checked against
/// the next week (<see cref="PlanCheck"/>) and for what other rooms plan (<see cref="PlannedItemStore"/>).
/// <para>
/// Lines are compared as words: Unicode-normalised (NFKC), lower case, links and Slack markup dropped, every
/// character that is not a letter or digit a space (so bullets, emoji and punctuation go), lone letters, and filler ("the", "for"…) and status words ("done", "WIP",
/// "finished", "started"…) left out, since moving a line from Next Week to Completed often adds one. Two words are
/// the same when equal, when one is the other plus a short ending ("ship"/"shipped", "migrate"/"migration"), or one
/// letter apart in words of five letters or more (a typo).
/// </para>
/// <para>
/// <see cref="ItemMatch.Sure"/>: every word of the item is in the line; or every word of the line (two at least, and
/// at least half as many as the item's) is in the item; or three in four of their words are shared. Anything less
/// with a word in common is <see cref="ItemMatch.Unsure"/>: no synonyms, no guessing.
/// </para>
/// </summary>
public static partial class SameItem
{
    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal)
    {
        // Filler.
        "a", "an", "the", "to", "of", "for", "on", "in", "and", "or", "with", "my", "our", "at", "by", "from", "into", "is", "be", "it",
        "this", "that", "some", "more", "up", "out", "off",
        // Status, added or taken off as a line moves between sections.
        "done", "wip", "finish", "finished", "complete", "completed", "start", "started", "ongoing", "continue", "continued",
        "continuing", "still", "todo", "tbd", "progress", "pending", "partly", "partially", "mostly", "almost", "nearly", "half", "halfway",
    };

    /// <summary>The words a line is compared by (see the type's summary); empty for a line of only filler or status.</summary>
    public static IReadOnlyList<string> Words(string line)
    {
        var text = Markup().Replace(line.Normalize(NormalizationForm.FormKC), "${label} ").ToLowerInvariant();
        var spaced = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            spaced.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        // A lone letter is what an apostrophe leaves ("Dana's"), never a word of its own.
        return [.. spaced.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(word => !Ignored.Contains(word) && (word.Length > 1 || char.IsDigit(word[0]))).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>How sure it is that the line <paramref name="other"/> is the item <paramref name="one"/>.</summary>
    public static ItemMatch Compare(string one, string other) => Compare(Words(one), Words(other));

    public static ItemMatch Compare(IReadOnlyList<string> one, IReadOnlyList<string> other)
    {
        var found = one.Count(word => other.Any(candidate => SameWord(word, candidate)));
        if (found == 0)
        {
            return ItemMatch.None;
        }

        var back = other.Count(word => one.Any(candidate => SameWord(word, candidate)));
        var whole = found == one.Count;
        var shortened = back == other.Count && other.Count >= 2 && 2 * other.Count >= one.Count;
        var most = 8 * Math.Min(found, back) >= 3 * (one.Count + other.Count);
        return whole || shortened || most ? ItemMatch.Sure : ItemMatch.Unsure;
    }

    /// <summary>Whether one of the lines of <paramref name="text"/> (its items, as <see cref="BlockerItems"/> splits them) is surely <paramref name="item"/>.</summary>
    public static bool Holds(string text, string item)
    {
        var words = Words(item);
        return words.Count > 0 && BlockerItems.Extract(text).Any(line => Compare(words, Words(line)) == ItemMatch.Sure);
    }

    /// <summary>Equal; one the other plus a short ending; or, in longer words, one letter apart.</summary>
    public static bool SameWord(string one, string other)
    {
        if (one == other)
        {
            return true;
        }

        var (shorter, longer) = one.Length <= other.Length ? (one, other) : (other, one);
        var prefix = 0;
        while (prefix < shorter.Length && shorter[prefix] == longer[prefix])
        {
            prefix++;
        }

        if (prefix == shorter.Length)
        {
            return shorter.Length >= 3 && longer.Length - shorter.Length <= 3;
        }

        // A shared stem ("migrat-e", "migrat-ion") or a typo.
        return (prefix >= 5 && prefix >= shorter.Length - 2 && longer.Length - prefix <= 4) || (shorter.Length >= 5 && OneEditApart(shorter, longer));
    }

    private static bool OneEditApart(string shorter, string longer)
    {
        if (longer.Length - shorter.Length > 1)
        {
            return false;
        }

        var (i, j, edits) = (0, 0, 0);
        while (i < shorter.Length && j < longer.Length)
        {
            if (shorter[i] == longer[j])
            {
                (i, j) = (i + 1, j + 1);
                continue;
            }

            if (++edits > 1)
            {
                return false;
            }

            (i, j) = shorter.Length == longer.Length ? (i + 1, j + 1) : (i, j + 1);
        }

        return edits + (longer.Length - j) <= 1;
    }

    // Slack's <url|label>, <@U123>, <#C123|name>, and bare links: the label stays, the address goes.
    [GeneratedRegex(@"<[^<>|]*(?:\|(?<label>[^<>]*))?>|https?://\S+", RegexOptions.NonBacktracking)]
    private static partial Regex Markup();
}
