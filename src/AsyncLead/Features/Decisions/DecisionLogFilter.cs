using AsyncLead.Web;

namespace AsyncLead.Features.Decisions;

/// <summary>
/// The decision log's filter, read from the page's query string (<c>status</c>, <c>q</c>). Anything it can't use is
/// ignored and explained in <see cref="Problems"/>, so a hand-edited URL gets a page, never an error.
/// </summary>
public sealed record DecisionLogFilter(DecisionStatus? Status, string Text, IReadOnlyList<string> Problems)
{
    public const int MaxTextLength = 200;

    public static DecisionLogFilter None { get; } = new(null, "", []);

    /// <summary>Text searched for, or null for none: with LIKE's wildcards escaped, so "100%" finds "100%", not "100".</summary>
    public string? ContainsPattern => Text.Length == 0 ? null : SearchText.ContainsPattern(Text);

    /// <summary>A short id in the search box ("DEC-12") also finds that doc by its number.</summary>
    public int? Number => DecisionShortId.TryParse(Text, out var id) ? id.Number : null;

    public static DecisionLogFilter Parse(string? status, string? text)
    {
        var problems = new List<string>();
        DecisionStatus? state = null;
        var wanted = (status ?? "").Trim();
        if (wanted.Length > 0 && !wanted.Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            // Names only: Enum.TryParse would also take "2" and "open,closed".
            state = Enum.GetValues<DecisionStatus>().Cast<DecisionStatus?>()
                .FirstOrDefault(s => s.ToString()!.Equals(wanted, StringComparison.OrdinalIgnoreCase));
            if (state is null)
            {
                problems.Add("That status is not one of open, closed, decided, withdrawn or lapsed, so docs of every status are shown.");
            }
        }

        var cleaned = SearchText.Clean(text);
        if (cleaned.Length > MaxTextLength)
        {
            cleaned = SearchText.Cap(cleaned, MaxTextLength);
            problems.Add($"Searches use the first {MaxTextLength} characters.");
        }

        return new DecisionLogFilter(state, cleaned, problems);
    }
}
