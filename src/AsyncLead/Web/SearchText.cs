using System.Text;

namespace AsyncLead.Web;

/// <summary>What people type into a page's search box, made safe to search with: the pages' one place for it.</summary>
public static class SearchText
{
    /// <summary>
    /// Control characters (U+0000 above all, which Postgres text refuses) become spaces, since they can't be part of
    /// anything worth finding; runs of spaces become one.
    /// </summary>
    public static string Clean(string? text)
    {
        var kept = new StringBuilder();
        foreach (var c in text ?? "")
        {
            kept.Append(char.IsControl(c) ? ' ' : c);
        }

        return string.Join(' ', kept.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The first <paramref name="max"/> characters at most, never half of a surrogate pair (which Postgres would refuse).</summary>
    public static string Cap(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var end = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return text[..end].TrimEnd();
    }

    /// <summary>A LIKE / ILIKE pattern (escape character <c>\</c>) for text containing <paramref name="text"/>: "100%" finds "100%", not "100".</summary>
    public static string ContainsPattern(string text) =>
        "%" + text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";
}
