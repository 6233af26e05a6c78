using System.Globalization;
using System.Text;
using AsyncLead.Features.Members;
using AsyncLead.Web;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>
/// Searches one team's updates for the words in <c>q</c> (any section, any case), newest week first, grouped by week,
/// each match shown in its line and highlighted. The words are always a literal: LIKE's wildcards are escaped, and what
/// can't be searched (nothing, control characters, too much) gets a page that says so, never an error. Opened from the
/// team's week page, so it shows that team only, as the week page does.
/// </summary>
public sealed class TeamSearchPage(TeamStore teams, UpdateStore updates, PageReaders readers, PageLinks links) : IWebPage
{
    public const int MaxShown = 50;

    // Enough of a line to read the match in: a longer one is cut around its first match.
    private const int MaxLineShown = 240;
    private const int MaxLinesPerSection = 3;

    private static readonly string[] EmphasisMarks = ["**", "__", "~~", "`"];

    public string Kind => PageLinks.TeamSearchKind;

    public async Task<IResult?> RenderAsync(LinkTarget target, IQueryCollection query, CancellationToken cancellationToken)
    {
        if (target.Key.Length == 0 || await teams.FindByChannelAsync(target.WorkspaceId, target.Key, cancellationToken) is not { } team)
        {
            return null;
        }

        var typed = SearchText.Clean(string.Join(' ', query["q"].Where(q => q is not null)));
        var text = SearchText.Cap(typed, UpdateHtml.MaxSearchLength);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<h1>#{PageLayout.Encode(team.ChannelName)}: search</h1>");
        html.Append(UpdateHtml.SearchForm(links.TeamSearchFrom(target, team.ChannelId), team.ChannelName, text));
        if (text.Length < typed.Length)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"notice\" role=\"status\">Searches use the first {UpdateHtml.MaxSearchLength} characters.</p>");
        }

        var title = $"#{team.ChannelName} · search";
        if (text.Length == 0)
        {
            html.Append("<p id=\"count\">Type a word or phrase to find it in this team's updates, every week of them.</p>");
            return PageLayout.Page(title, html.ToString());
        }

        var found = await updates.SearchTeamAsync(team.Id, SearchText.ContainsPattern(text), MaxShown + 1, cancellationToken);
        var shown = found.Take(MaxShown).ToList();
        var reader = await readers.LoadAsync(target, shown.Select(f => f.Update.UserId), team.TimeZone, "the team's time zone", cancellationToken);
        html.Append(CultureInfo.InvariantCulture, $"<p id=\"count\">{Count(shown.Count, found.Count > MaxShown, text)} {PageLayout.Encode(reader.ZoneNote)}</p>");
        foreach (var week in shown.GroupBy(f => f.WeekStart))
        {
            var teamWeek = TeamWeek.Containing(week.Key);
            var page = links.TeamWeekFrom(target, team.ChannelId, week.Key);
            html.Append(CultureInfo.InvariantCulture,
                $"<h2><a href=\"{PageLayout.Encode(page.PathAndQuery)}\">{PageLayout.Encode(teamWeek.Name)} {teamWeek.Monday.Year}</a></h2>");
            foreach (var hit in week)
            {
                RenderHit(html, hit.Update, text, reader, links.PersonFrom(target, hit.Update.UserId));
            }
        }

        return PageLayout.Page($"{title}: {text}", html.ToString());
    }

    private static void RenderHit(StringBuilder html, StoredUpdate update, string text, PageReader reader, Uri person)
    {
        html.Append(CultureInfo.InvariantCulture,
            $"<article class=\"update hit\"><h3><a class=\"person\" href=\"{PageLayout.Encode(person.PathAndQuery)}\">{PageLayout.Encode(reader.Name(update.UserId))}</a>{UpdateHtml.LateBadge(update)}</h3>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">Written {reader.TimeHtml(update.SubmittedAt)}</p>");
        var sections = UpdateHtml.Texts(update.Sections).ToList();
        var matching = sections.Where(s => s.Text.Contains(text, StringComparison.OrdinalIgnoreCase)).ToList();
        // Postgres may fold case where .NET doesn't (or the other way round): the update matched, so its start is shown.
        foreach (var (title, section) in matching.Count > 0 ? matching : sections.Take(1))
        {
            var lines = section.Split('\n').Select(l => Plain(l, text)).Where(l => l.Contains(text, StringComparison.OrdinalIgnoreCase)).Take(MaxLinesPerSection).ToList();
            html.Append(CultureInfo.InvariantCulture, $"<section class=\"md\"><h4>{title}</h4>");
            foreach (var line in lines.Count > 0 ? lines : [Plain(section.Trim().Split('\n')[0], text)])
            {
                html.Append(CultureInfo.InvariantCulture, $"<p class=\"match\">{Highlight(Around(line, text), text)}</p>");
            }

            html.Append("</section>");
        }

        html.Append("</article>");
    }

    /// <summary>
    /// A line without its list marker ("- ", "* ", "+ ") and Markdown's emphasis and code marks (unless searched for), which
    /// read as noise once the line stands alone as text.
    /// </summary>
    private static string Plain(string line, string text)
    {
        var trimmed = line.Trim();
        if (trimmed.Length > 2 && trimmed[0] is '-' or '*' or '+' && trimmed[1] == ' ')
        {
            trimmed = trimmed[2..].TrimStart();
        }

        foreach (var mark in EmphasisMarks.Where(m => !text.Contains(m, StringComparison.Ordinal)))
        {
            trimmed = trimmed.Replace(mark, "", StringComparison.Ordinal);
        }

        return trimmed;
    }

    /// <summary>A long line cut to about <see cref="MaxLineShown"/> characters around its first match, with "…" where it was cut.</summary>
    private static string Around(string line, string text)
    {
        if (line.Length <= MaxLineShown)
        {
            return line;
        }

        var at = Math.Max(0, line.IndexOf(text, StringComparison.OrdinalIgnoreCase));
        var start = Math.Max(0, Math.Min(at - MaxLineShown / 3, line.Length - MaxLineShown));
        if (start > 0 && char.IsLowSurrogate(line[start]))
        {
            start--;
        }

        var cut = SearchText.Cap(line[start..], MaxLineShown);
        return (start > 0 ? "…" : "") + cut + (start + cut.Length < line.Length ? "…" : "");
    }

    /// <summary>The line as text (HTML-encoded, Markdown not rendered), each match of <paramref name="text"/> in a <c>mark</c>.</summary>
    private static string Highlight(string line, string text)
    {
        var html = new StringBuilder();
        var from = 0;
        while (from < line.Length)
        {
            var at = line.IndexOf(text, from, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                break;
            }

            html.Append(PageLayout.Encode(line[from..at])).Append("<mark>").Append(PageLayout.Encode(line.Substring(at, text.Length))).Append("</mark>");
            from = at + text.Length;
        }

        return html.Append(PageLayout.Encode(line[from..])).ToString();
    }

    private static string Count(int shown, bool more, string text) => (shown, more) switch
    {
        (_, true) => $"Showing the newest {shown} updates that mention “{PageLayout.Encode(text)}”. Add words to narrow the search and find older ones.",
        (0, _) => $"No update in this team mentions “{PageLayout.Encode(text)}”.",
        (1, _) => $"1 update mentions “{PageLayout.Encode(text)}”.",
        _ => $"{shown} updates mention “{PageLayout.Encode(text)}”.",
    };
}
