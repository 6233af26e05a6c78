using System.Text.RegularExpressions;

namespace AsyncLead.Slack.BlockKit;

/// <summary>
/// Cuts mrkdwn into pieces of a maximum length at the most natural place available: a blank line, then a line end
/// outside a code fence, then a line end inside one (closing the fence and reopening it in the next piece), then a
/// space, then anywhere. A cut never falls inside a <c>&lt;…&gt;</c> token, an <c>&amp;…;</c> entity or a surrogate pair.
/// </summary>
internal static partial class MrkdwnSplitter
{
    private const string Fence = "```";
    private const string CloseFence = "\n" + Fence;
    private const string ReopenFence = Fence + "\n";

    [GeneratedRegex(@"<[^<>\n]*>|&(?:[a-z]+|#[0-9]+);", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant)]
    private static partial Regex Atom();

    /// <summary>Comfortably more than a closing plus a reopened fence (8 characters), so pieces carry content.</summary>
    public const int MinimumLength = 32;

    public static IReadOnlyList<string> Split(string text, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, MinimumLength);
        var pieces = new List<string>();
        var rest = text;
        while (rest.Length > maxLength)
        {
            var (piece, next) = Cut(rest, maxLength);
            if (next.Length >= rest.Length)
            {
                // Reopening a fence would give back what was cut (e.g. one token filling a fence): cut plainly.
                var cut = SplitsSurrogate(rest, maxLength) ? maxLength - 1 : maxLength;
                (piece, next) = (rest[..cut], rest[cut..]);
            }

            Add(pieces, piece);
            rest = next.TrimStart('\n');
        }

        Add(pieces, rest);
        return pieces;
    }

    /// <summary>The largest cut position ≤ <paramref name="position"/> that splits no token, entity or surrogate pair.</summary>
    public static int SafeCut(string text, int position)
    {
        var atoms = Atoms(text, position);
        for (var p = position; p > 0; p--)
        {
            if (!SplitsSurrogate(text, p) && !InsideAtom(atoms, p))
            {
                return p;
            }
        }

        // Only reachable when one token is longer than the whole budget: it cannot survive anyway.
        return SplitsSurrogate(text, position) ? position - 1 : position;
    }

    private static void Add(List<string> pieces, string piece)
    {
        var trimmed = piece.TrimEnd();
        if (trimmed.Trim().Length > 0)
        {
            pieces.Add(trimmed);
        }
    }

    private static (string Piece, string Remainder) Cut(string text, int maxLength)
    {
        var fenced = FenceStates(text, maxLength);
        int paragraphEnd = -1, lineEnd = -1, fencedLineEnd = -1;
        for (var p = 1; p <= maxLength; p++)
        {
            if (text[p] != '\n')
            {
                continue;
            }

            if (!fenced[p])
            {
                lineEnd = p;
                if (p + 1 < text.Length && text[p + 1] == '\n')
                {
                    paragraphEnd = p;
                }
            }
            else if (p + CloseFence.Length <= maxLength)
            {
                fencedLineEnd = p;
            }
        }

        if (paragraphEnd > 0)
        {
            return (text[..paragraphEnd], text[(paragraphEnd + 1)..]);
        }

        if (lineEnd > 0)
        {
            return (text[..lineEnd], text[(lineEnd + 1)..]);
        }

        if (fencedLineEnd > 0)
        {
            return (text[..fencedLineEnd] + CloseFence, ReopenFence + text[(fencedLineEnd + 1)..]);
        }

        var atoms = Atoms(text, maxLength);
        for (var p = maxLength; p > 0; p--)
        {
            if (text[p] == ' ' && p + (fenced[p] ? CloseFence.Length : 0) <= maxLength && !InsideAtom(atoms, p))
            {
                return Joined(text, p, fenced[p], skip: 1);
            }
        }

        var hard = SafeCut(text, maxLength);
        if (fenced[hard])
        {
            hard = SafeCut(text, maxLength - CloseFence.Length);
        }

        return Joined(text, hard, fenced[hard], skip: 0);
    }

    private static (string Piece, string Remainder) Joined(string text, int cut, bool insideFence, int skip) =>
        insideFence
            ? (text[..cut] + CloseFence, ReopenFence + text[(cut + skip)..])
            : (text[..cut], text[(cut + skip)..]);

    /// <summary>For each position up to <paramref name="maxLength"/>: is a code fence open just before it?</summary>
    private static bool[] FenceStates(string text, int maxLength)
    {
        var states = new bool[maxLength + 1];
        var open = false;
        for (var i = 0; i <= maxLength; i++)
        {
            states[i] = open;
            if (string.CompareOrdinal(text, i, Fence, 0, Fence.Length) == 0)
            {
                open = !open;
                for (var j = 1; j < Fence.Length && i + j <= maxLength; j++)
                {
                    states[i + j] = open;
                }

                i += Fence.Length - 1;
            }
        }

        return states;
    }

    /// <summary>Tokens and entities that could straddle a cut at or before <paramref name="position"/>.</summary>
    private static List<Range> Atoms(string text, int position)
    {
        var window = text.AsSpan(0, Math.Min(text.Length, position * 2 + 1));
        var atoms = new List<Range>();
        foreach (var match in Atom().EnumerateMatches(window))
        {
            atoms.Add(new Range(match.Index, match.Index + match.Length));
        }

        return atoms;
    }

    private static bool InsideAtom(List<Range> atoms, int cut) =>
        atoms.Exists(atom => atom.Start.Value < cut && cut < atom.End.Value);

    private static bool SplitsSurrogate(string text, int cut) =>
        cut < text.Length && char.IsLowSurrogate(text[cut]) && char.IsHighSurrogate(text[cut - 1]);
}
