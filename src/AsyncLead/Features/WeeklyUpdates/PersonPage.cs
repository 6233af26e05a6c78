using System.Globalization;
using System.Text;
using AsyncLead.Features.Members;
using AsyncLead.Web;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>
/// A person's past weeks: every update they wrote, newest week first, in the teams the link's viewer may see. A private
/// channel's team counts only for its members (<see cref="ChannelAccess"/>, which fails closed), and is left out before
/// anything is counted, so the page never hints at it. Reads only Postgres.
/// </summary>
public sealed class PersonPage(UpdateStore updates, ChannelAccess access, PageReaders readers, PageLinks links) : IWebPage
{
    public const int MaxShown = 50;

    public string Kind => PageLinks.PersonKind;

    public async Task<IResult?> RenderAsync(LinkTarget target, IQueryCollection query, CancellationToken cancellationToken)
    {
        var userId = target.Key;
        if (userId.Length == 0)
        {
            return null;
        }

        var visible = await access.VisibleAsync(target.WorkspaceId, target.ViewerId, null,
            await updates.ChannelsWrittenInAsync(target.WorkspaceId, userId, cancellationToken), cancellationToken);
        var written = visible.Count == 0 ? [] : await updates.UpdatesOfPersonAsync(target.WorkspaceId, userId, visible, MaxShown + 1, cancellationToken);
        var reader = await readers.LoadAsync(target, [userId], "UTC", "we don't know your time zone", cancellationToken);
        var name = reader.Name(userId);
        return PageLayout.Page($"{name}: past updates", Render(target, name, written, reader));
    }

    private string Render(LinkTarget target, string name, IReadOnlyList<PastUpdate> written, PageReader reader)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<h1>{PageLayout.Encode(name)}: past updates</h1>");
        html.Append(CultureInfo.InvariantCulture,
            $"<p class=\"muted\">Every week {PageLayout.Encode(name)} wrote, newest first, in the teams you can see. {PageLayout.Encode(reader.ZoneNote)}</p>");
        var shown = written.Take(MaxShown).ToList();
        html.Append(CultureInfo.InvariantCulture, $"<p id=\"count\">{Count(shown.Count, written.Count > MaxShown, name)}</p>");
        foreach (var week in shown.GroupBy(u => u.WeekStart))
        {
            var teamWeek = TeamWeek.Containing(week.Key);
            html.Append(CultureInfo.InvariantCulture, $"<h2>{PageLayout.Encode(teamWeek.Name)} {teamWeek.Monday.Year}</h2>");
            foreach (var past in week)
            {
                var page = links.TeamWeekFrom(target, past.ChannelId, past.WeekStart);
                var update = past.Update;
                html.Append(CultureInfo.InvariantCulture,
                    $"<article class=\"update\"><h3><a href=\"{PageLayout.Encode(page.PathAndQuery)}#{UpdateHtml.Anchor(update.UserId)}\">#{PageLayout.Encode(past.ChannelName)}</a>{UpdateHtml.LateBadge(update)}</h3>");
                html.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">Written {reader.TimeHtml(update.SubmittedAt)}</p>");
                UpdateHtml.Sections(html, update.Sections);
                html.Append("</article>");
            }
        }

        return html.ToString();
    }

    private static string Count(int shown, bool more, string name) => (shown, more) switch
    {
        (_, true) => $"Showing the newest {shown} updates.",
        (0, _) => $"Nothing {PageLayout.Encode(name)} wrote is in a team you can see.",
        (1, _) => "1 update.",
        _ => $"{shown} updates.",
    };
}
