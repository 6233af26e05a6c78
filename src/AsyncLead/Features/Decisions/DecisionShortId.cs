using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace AsyncLead.Features.Decisions;

/// <summary>
/// A doc's short id within its workspace, written "DEC-12". Parsing accepts any case and leading zeros
/// ("dec-012"), and nothing else: "#12" looks like a channel and a bare "12" could be a title, so
/// <c>/decision 12</c> opens a new doc titled "12" rather than guessing.
/// </summary>
public readonly partial record struct DecisionShortId
{
    public DecisionShortId(int number) =>
        Number = number > 0 ? number : throw new ArgumentOutOfRangeException(nameof(number), number, "Short ids start at 1.");

    public int Number { get; }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"DEC-{Number}");

    public static bool TryParse([NotNullWhen(true)] string? text, out DecisionShortId id)
    {
        id = default;
        var match = text is null ? Match.Empty : Pattern().Match(text);
        if (!match.Success
            || !int.TryParse(match.Groups["number"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || number == 0)
        {
            return false;
        }

        id = new DecisionShortId(number);
        return true;
    }

    [GeneratedRegex(@"^\s*DEC-(?<number>\d{1,10})\s*$", RegexOptions.NonBacktracking | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
