using System.Globalization;
using System.Text;
using AsyncLead.Web;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>How the pages show an update and offer the team's search: one look on the week, person and search pages.</summary>
public static class UpdateHtml
{
    public const int MaxSearchLength = 200;

    private static readonly (string Title, Func<WeeklyUpdateSections, string> Text)[] SectionTexts =
    [
        ("Completed", s => s.Completed),
        ("In Progress", s => s.InProgress),
        ("Blockers", s => s.Blockers),
        ("Next Week", s => s.NextWeek),
        ("Notes", s => s.Notes),
    ];

    /// <summary>The sections written, each as its title and its Markdown made safe (<see cref="MarkdownHtml"/>).</summary>
    public static void Sections(StringBuilder html, WeeklyUpdateSections sections)
    {
        foreach (var (title, text) in SectionTexts)
        {
            var markdown = text(sections);
            if (string.IsNullOrWhiteSpace(markdown))
            {
                continue;
            }

            var css = title == "Blockers" ? "md blockers" : "md";
            html.Append(CultureInfo.InvariantCulture, $"<section class=\"{css}\"><h4>{title}</h4>{MarkdownHtml.Render(markdown)}</section>");
        }
    }

    /// <summary>The sections as written, for a search to pick its matches from.</summary>
    public static IEnumerable<(string Title, string Text)> Texts(WeeklyUpdateSections sections) =>
        SectionTexts.Select(s => (s.Title, Text: s.Text(sections))).Where(s => !string.IsNullOrWhiteSpace(s.Text));

    /// <summary>The team's search box: a plain GET form to the search page's own signed address (the words go in the query).</summary>
    public static string SearchForm(Uri search, string channelName, string text) =>
        $"<form class=\"filters\" method=\"get\" action=\"{PageLayout.Encode(search.AbsolutePath)}\" role=\"search\" id=\"search\">"
        + $"<label>Search #{PageLayout.Encode(channelName)}<input type=\"search\" name=\"q\" maxlength=\"{MaxSearchLength}\" "
        + $"value=\"{PageLayout.Encode(text)}\" placeholder=\"e.g. payouts or API keys\"></label><button type=\"submit\">Search</button></form>";

    public static string LateBadge(StoredUpdate update) => update.IsLate ? " <span class=\"badge late\">late</span>" : "";

    // Slack user ids are letters and digits; anything else is dropped so the id is always a valid fragment.
    public static string Anchor(string userId) => "update-" + new string([.. userId.Where(char.IsAsciiLetterOrDigit)]);
}
