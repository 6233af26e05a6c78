using System.Globalization;
using System.Text;
using AsyncLead.Features.Members;
using AsyncLead.Web;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>
/// A team's week on one page: the figures, the blockers, who is away or missing, then every update in full, with
/// links to the weeks either side. It reads only Postgres (names from the members cache), so it opens while Slack is slow.
/// </summary>
public sealed class TeamWeekPage(TeamStore teams, UpdateStore updates, ThreadQuestions questions, WeekAttendance attendance, WeekChangesReader changes, PageReaders readers, PageLinks links, TimeProvider clock) : IWebPage
{
    public string Kind => PageLinks.TeamWeekKind;

    public async Task<IResult?> RenderAsync(LinkTarget target, IQueryCollection query, CancellationToken cancellationToken)
    {
        if (!PageLinks.TryParseTeamWeekKey(target.Key, out var channelId, out var monday))
        {
            return null;
        }

        // The team is looked up inside the link's own workspace, so a link can only ever show its workspace's week.
        var team = await teams.FindByChannelAsync(target.WorkspaceId, channelId, cancellationToken);
        if (team is null)
        {
            return null;
        }

        var week = TeamWeek.Containing(monday);
        var thisWeek = team.Calendar.WeekContaining(clock.GetUtcNow());
        var previous = links.TeamWeekFrom(target, channelId, week.Previous().Monday);
        var next = week.Monday < thisWeek.Monday ? links.TeamWeekFrom(target, channelId, week.Next().Monday) : null;
        var title = $"#{team.ChannelName} · {week.Name} {week.Monday.Year}";
        var search = links.TeamSearchFrom(target, channelId);

        // A week nobody has written in and no prompt has reached has no one to list yet: say so instead of asking Slack
        // who is in the channel (every update and every prompt creates the week's row).
        var stored = await updates.FindWeekAsync(team.Id, week.Monday, cancellationToken);
        if (stored is null)
        {
            var zone = await readers.LoadAsync(target, [], team.TimeZone, "the team's time zone", cancellationToken);
            var promptAt = team.Calendar.PromptAt(week);
            var note = week.Monday < thisWeek.Monday
                ? "AsyncLead has no record of this week: no prompt went out and nobody wrote an update."
                : promptAt > clock.GetUtcNow()
                    ? $"Nobody has written yet. This week's prompt goes out {zone.TimeHtml(promptAt)}."
                    : "Nobody has written yet.";
            return PageLayout.Page(title, Heading(team, week, zone, previous, next, rootTs: null, search) + $"<p class=\"muted\" id=\"no-record\">{note}</p>");
        }

        var roll = await attendance.ForWeekAsync(team, week, cancellationToken);
        var blockers = await updates.BlockersForSummaryAsync(team.Id, stored.Id, cancellationToken);
        var named = roll.Writers.Concat(roll.Away).Concat(roll.Missing).Concat(blockers.SelectMany(b => new[] { b.UserId, b.ResolvedBy ?? "" }));
        var reader = await readers.LoadAsync(target, named, team.TimeZone, "the team's time zone", cancellationToken);
        var asked = await questions.CountsAsync(stored.Id, cancellationToken);
        var changed = await changes.ForWeekAsync(team.Id, week.Monday, roll.Updates, blockers, cancellationToken);
        var people = roll.Writers.ToDictionary(id => id, id => links.PersonFrom(target, id), StringComparer.Ordinal);
        return PageLayout.Page(title, Heading(team, week, reader, previous, next, roll.Stored?.RootTs, search)
            + Render(roll, blockers, changed, asked, reader, people, clock.GetUtcNow()));
    }

    private static string Heading(TeamChannel team, TeamWeek week, PageReader reader, Uri previous, Uri? next, string? rootTs, Uri search)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<h1>#{PageLayout.Encode(team.ChannelName)}: {PageLayout.Encode(week.Name)} {week.Monday.Year}</h1>");
        html.Append(CultureInfo.InvariantCulture,
            $"<p class=\"muted\">ISO week {week.WeekNumber}, {week.Monday:ddd d MMM} – {week.Sunday:ddd d MMM yyyy}. {PageLayout.Encode(reader.ZoneNote)}</p>");

        html.Append("<nav class=\"pager\">");
        html.Append(CultureInfo.InvariantCulture, $"<a rel=\"prev\" href=\"{PageLayout.Encode(previous.PathAndQuery)}\">← {PageLayout.Encode(week.Previous().Name)}</a>");
        if (next is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<a rel=\"next\" href=\"{PageLayout.Encode(next.PathAndQuery)}\">{PageLayout.Encode(week.Next().Name)} →</a>");
        }

        // The week's thread once it is posted, the channel before that.
        var (slackUrl, what) = rootTs is null
            ? (SlackAddresses.Channel(team.WorkspaceId, team.ChannelId), $"Open #{team.ChannelName} in Slack")
            : (SlackAddresses.Message(team.ChannelId, rootTs), "Open the week's thread in Slack");
        html.Append(CultureInfo.InvariantCulture, $"<a id=\"slack\" href=\"{PageLayout.Encode(slackUrl)}\">{PageLayout.Encode(what)}</a></nav>");
        html.Append(UpdateHtml.SearchForm(search, team.ChannelName, ""));
        return html.ToString();
    }

    private static string Render(WeekRoll roll, IReadOnlyList<StoredBlocker> blockers, WeekChanges changed, QuestionCounts asked, PageReader reader,
        IReadOnlyDictionary<string, Uri> people, DateTimeOffset now)
    {
        var html = new StringBuilder();
        RenderFigures(html, roll, asked);
        RenderBlockers(html, roll, blockers, changed, reader, now);
        RenderPlans(html, changed, reader);
        RenderPeople(html, "Away", roll.Away, reader, "away-list");
        RenderPeople(html, "Missing", roll.Missing, reader, "missing-list");

        html.Append(CultureInfo.InvariantCulture, $"<h2>Updates ({roll.Updates.Count})</h2>");
        if (roll.Updates.Count == 0)
        {
            html.Append("<p class=\"muted\">Nobody has written an update for this week.</p>");
        }

        foreach (var update in roll.Updates)
        {
            RenderUpdate(html, update, reader, people[update.UserId]);
        }

        return html.ToString();
    }

    private static void RenderFigures(StringBuilder html, WeekRoll roll, QuestionCounts asked)
    {
        var figures = roll.Figures;
        var median = figures.MedianPromptToUpdate is { } value
            ? Participation.Describe(value)
            : roll.Stored?.PromptedAt is null ? "no prompt sent yet" : "no updates yet";
        html.Append("<dl class=\"facts\" id=\"figures\">");
        html.Append(CultureInfo.InvariantCulture, $"<dt>Participation</dt><dd id=\"wrote\">{PageLayout.Encode(figures.WroteOfExpected)}");
        if (figures.Away > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $", {figures.Away} away");
        }

        html.Append("</dd>");
        html.Append(CultureInfo.InvariantCulture, $"<dt>Median time from prompt to update</dt><dd id=\"median\">{PageLayout.Encode(median)}</dd>");
        html.Append(CultureInfo.InvariantCulture,
            $"<dt>Meeting time saved</dt><dd id=\"saved\">{PageLayout.Encode(Participation.DescribeMinutes(figures.MeetingMinutesSaved))} "
            + $"<span class=\"muted\">({figures.Expected} people × {roll.Team.StandupMinutes} min stand-up × {Participation.StandupDaysPerWeek} days)</span></dd>");
        html.Append(CultureInfo.InvariantCulture,
            $"<dt>Questions in the thread</dt><dd id=\"questions\">{asked.Asked} asked, {asked.Answered} answered</dd>");
        html.Append("</dl>");
    }

    /// <summary>As the week's Slack summary lists them: every blocker still open in the team, and this week's resolved ones.</summary>
    private static void RenderBlockers(StringBuilder html, WeekRoll roll, IReadOnlyList<StoredBlocker> blockers, WeekChanges changed, PageReader reader,
        DateTimeOffset now)
    {
        if (blockers.Count == 0)
        {
            html.Append("<p class=\"ok\" id=\"blockers\">No blockers.</p>");
            return;
        }

        var open = blockers.Count(b => b.ResolvedAt is null);
        html.Append(CultureInfo.InvariantCulture, $"<section class=\"blockers\" id=\"blockers\"><h2>Blockers ({open} open)</h2><ul>");
        var writers = roll.Writers.ToHashSet(StringComparer.Ordinal);
        foreach (var blocker in blockers)
        {
            var author = PageLayout.Encode(reader.Name(blocker.UserId));
            var who = writers.Contains(blocker.UserId) ? $"<a href=\"#{UpdateHtml.Anchor(blocker.UserId)}\">{author}</a>" : author;
            var repeated = changed.WeeksBlocked(blocker.Id) is var weeks and > 0 ? $" <strong class=\"repeated\">blocked for {weeks} weeks</strong>" : "";
            html.Append(blocker.ResolvedAt is null
                ? $"<li>{PageLayout.Encode(blocker.Text)} — {who} <span class=\"muted\">{WeekSummary.Age(blocker.OpenedAt, now)}</span>{repeated}</li>"
                : $"<li class=\"resolved\"><s>{PageLayout.Encode(blocker.Text)}</s> — {who} <span class=\"ok\">resolved by {PageLayout.Encode(reader.Name(blocker.ResolvedBy ?? ""))}</span></li>");
        }

        html.Append("</ul></section>");
    }

    /// <summary>As the week's Slack summary has it: each writer who planned something the week before, against what they wrote now.</summary>
    private static void RenderPlans(StringBuilder html, WeekChanges changed, PageReader reader)
    {
        if (changed.Plans.Count == 0)
        {
            return;
        }

        html.Append("<section id=\"plans\"><h2>Plan vs actual</h2><p class=\"muted\">Each person's Next Week of the week before, looked for in this week's update.</p><ul>");
        foreach (var plan in changed.Plans)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<li><a href=\"#{UpdateHtml.Anchor(plan.UserId)}\">{PageLayout.Encode(reader.Name(plan.UserId))}</a>: {PageLayout.Encode(plan.Line)}</li>");
        }

        html.Append("</ul></section>");
    }

    private static void RenderPeople(StringBuilder html, string heading, IReadOnlyList<string> userIds, PageReader reader, string id)
    {
        if (userIds.Count == 0)
        {
            return;
        }

        var names = userIds.Select(reader.Name).Order(StringComparer.CurrentCultureIgnoreCase).Select(PageLayout.Encode);
        html.Append(CultureInfo.InvariantCulture, $"<p id=\"{id}\"><strong>{heading} ({userIds.Count}):</strong> {string.Join(", ", names)}</p>");
    }

    private static void RenderUpdate(StringBuilder html, StoredUpdate update, PageReader reader, Uri person)
    {
        // The name leads to the person's page: their other weeks.
        html.Append(CultureInfo.InvariantCulture,
            $"<article class=\"update\" id=\"{UpdateHtml.Anchor(update.UserId)}\"><h3><a class=\"person\" href=\"{PageLayout.Encode(person.PathAndQuery)}\">{PageLayout.Encode(reader.Name(update.UserId))}</a>{UpdateHtml.LateBadge(update)}</h3>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">Written {reader.TimeHtml(update.SubmittedAt)}</p>");
        UpdateHtml.Sections(html, update.Sections);
        html.Append("</article>");
    }
}
