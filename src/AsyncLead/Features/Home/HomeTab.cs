using System.Globalization;
using AsyncLead.Features.Decisions;
using AsyncLead.Features.Members;
using AsyncLead.Features.WeeklyUpdates;
using AsyncLead.Slack.BlockKit;
using AsyncLead.Slack.Mrkdwn;
using AsyncLead.Web;

namespace AsyncLead.Features.Home;

/// <summary>
/// A person's Home tab, built from <see cref="HomeData"/>. Pure: the same data and clock give the same view. Every list
/// shows its first few items and then its true count, so the tab stays within Slack's 100 blocks for any team size
/// (at most 2 + 11 + 15 + 11 + 2 + 3 × 12 + 1 = 78 blocks). Its buttons are the ones the messages carry, handled
/// by the same handlers: the update form, a doc's answers, a blocker's Resolve.
/// </summary>
public static class HomeTab
{
    public const string EditScheduleActionId = "home_edit_schedule";

    // How many items each list shows before "…and N more": together they keep the tab within 100 blocks.
    private const int MaxWeeks = 8;
    private const int MaxWaiting = 6;
    private const int MaxOwnBlockers = 8;
    private const int MaxLedTeams = 3;
    private const int MaxTeamBlockers = 5;
    private const int MaxDocLines = 5;
    private const int MaxMissingNames = 15;

    public static HomeView Build(HomeData data, DateTimeOffset now)
    {
        var zone = data.Schedule.TimeZoneId;
        var blocks = new List<Block> { Blocks.Header("AsyncLead") };
        if (data.IsInNoTeam)
        {
            blocks.AddRange(Welcome());
        }
        else
        {
            blocks.Add(Blocks.Context("Your weekly updates, the decisions waiting on you and your blockers, in one place."));
            blocks.AddRange(YourWeek(data.Weeks, zone));
            if (data.History is { } history)
            {
                blocks.Add(Blocks.Context($"<{history}|Your past updates>, every week you wrote, on one page."));
            }
        }

        blocks.AddRange(WaitingOnYou(data.WaitingOnYou, zone));
        blocks.AddRange(ToRevisit(data.ToRevisit));
        blocks.AddRange(YourBlockers(data.YourBlockers, now));
        blocks.AddRange(WorkingTime(data.Schedule));
        foreach (var team in data.LedTeams.Take(MaxLedTeams))
        {
            blocks.AddRange(Lead(team, zone, now));
        }

        if (data.LedTeams.Count > MaxLedTeams)
        {
            var others = data.LedTeams.Skip(MaxLedTeams).Select(t => $"<#{t.Team.ChannelId}>");
            blocks.Add(Blocks.Context($"You also lead {data.LedTeams.Count - MaxLedTeams} more teams: {string.Join(", ", others)}."));
        }

        return new HomeView(blocks);
    }

    private static IEnumerable<Block> Welcome()
    {
        yield return Blocks.Section(
            "*Welcome to AsyncLead* 👋\nAsyncLead replaces status meetings with short written updates. Each week your team's channel "
            + "gets one thread; everyone writes what they completed, what's in progress, their blockers and next week's plan, "
            + "and reminders arrive in your own working hours. Technical decisions are written as decision docs that named reviewers answer by a deadline.");
        yield return Blocks.Section(
            "*Get started*\n"
            + "• *Lead a team?* In your team's channel, invite me (`/invite @AsyncLead`) and run `/weekly-update setup`.\n"
            + "• *Write your update* any time with `/weekly-update` in your team's channel.\n"
            + "• *Propose a decision* with `/decision`: a template with reviewers and a deadline.\n"
            + "• `/weekly-update help` lists everything else.");
        yield return Blocks.Context("Once you're in a team, this tab also shows your week's update and your reminders.");
    }

    private static IEnumerable<Block> YourWeek(IReadOnlyList<WeekStatus> weeks, string zone)
    {
        yield return Blocks.Divider();
        yield return Blocks.Header("Your week");
        foreach (var week in weeks.Take(MaxWeeks))
        {
            var state = week switch
            {
                { Written: true } => "✅ Written. You can still edit it.",
                { Away: true } => "🌴 You're away this week, so no reminders.",
                { NextReminder: { } at } => $"✍️ Not written yet · next reminder {DecisionText.LocalDate(at, zone)}",
                _ => "✍️ Not written yet · no reminders pending",
            };
            var button = new ButtonElement(NudgeMessage.WriteActionId, new PlainText(week.Written ? "Edit update" : "Write update"))
            {
                Value = NudgeMessage.ButtonValue(week.Team.Id, week.Week),
                Style = week.Written ? null : ButtonStyle.Primary,
            };
            yield return Blocks.Section(
                $"*<#{week.Team.ChannelId}>* · {MrkdwnEscaping.Escape(week.Week.Name)} · due {DecisionText.LocalDate(week.ClosesAt, zone)}\n{state}", button);
        }

        if (weeks.Count > MaxWeeks)
        {
            yield return Blocks.Context($"…and {weeks.Count - MaxWeeks} more teams. Write in any of them with `/weekly-update` in its channel.");
        }
    }

    private static IEnumerable<Block> WaitingOnYou(IReadOnlyList<DecisionDoc> docs, string zone)
    {
        yield return Blocks.Divider();
        yield return Blocks.Header($"Waiting on you ({docs.Count})");
        if (docs.Count == 0)
        {
            yield return Blocks.Context("No decision doc is waiting for your review. 🎉");
            yield break;
        }

        foreach (var doc in docs.Take(MaxWaiting))
        {
            var link = DecisionText.Link(doc) is { } open ? $" · {open}" : "";
            yield return Blocks.Section(
                $"{DecisionText.Name(doc)} in <#{doc.ChannelId}> by {DecisionText.Mention(doc.AuthorId)}\nResponses due {DecisionText.LocalDate(doc.Deadline, zone)}{link}");
            var id = doc.Id.ToString(CultureInfo.InvariantCulture);
            yield return Blocks.Actions(
                new ButtonElement(DecisionMessage.Approve, new PlainText("Approve")) { Value = id, Style = ButtonStyle.Primary },
                new ButtonElement(DecisionMessage.Concern, new PlainText("Concern")) { Value = id },
                new ButtonElement(DecisionMessage.Question, new PlainText("Question")) { Value = id },
                new ButtonElement(DecisionMessage.Abstain, new PlainText("Abstain")) { Value = id });
        }

        if (docs.Count > MaxWaiting)
        {
            yield return Blocks.Context($"…and {docs.Count - MaxWaiting} more. `/decision list` shows every open doc.");
        }
    }

    // Shown only while there is something to revisit: most days there is nothing, and the tab stays as it was.
    private static IEnumerable<Block> ToRevisit(IReadOnlyList<DecisionDoc> docs)
    {
        if (docs.Count == 0)
        {
            yield break;
        }

        yield return Blocks.Divider();
        yield return Blocks.Header($"Decisions to revisit ({docs.Count})");
        var lines = docs.Take(MaxDocLines).Select(doc =>
            $"• {DecisionText.Name(doc)} in <#{doc.ChannelId}> — decided: {MrkdwnEscaping.Escape(doc.DecidedOption ?? "")} · revisit by {DecisionText.Day(doc.RevisitOn!.Value)}"
            + (DecisionText.Link(doc) is { } open ? $" · {open}" : ""));
        var more = docs.Count > MaxDocLines ? $"\n…and {docs.Count - MaxDocLines} more in the decision log." : "";
        yield return Blocks.Section(string.Join("\n", lines) + more + "\nEach stays here until a new doc supersedes it: `/decision supersede DEC-n`.");
    }

    private static IEnumerable<Block> YourBlockers(IReadOnlyList<OpenBlocker> blockers, DateTimeOffset now)
    {
        yield return Blocks.Divider();
        yield return Blocks.Header($"Your blockers ({blockers.Count} open)");
        if (blockers.Count == 0)
        {
            yield return Blocks.Context("Nothing is blocking you. 🎉");
            yield break;
        }

        foreach (var blocker in blockers.Take(MaxOwnBlockers))
        {
            yield return BlockerLine(blocker, $"in <#{blocker.ChannelId}>", now);
        }

        if (blockers.Count > MaxOwnBlockers)
        {
            yield return Blocks.Context($"…and {blockers.Count - MaxOwnBlockers} more, listed in each week's summary.");
        }
    }

    private static IEnumerable<Block> WorkingTime(MemberSchedule schedule)
    {
        yield return Blocks.Divider();
        var lines = MemberSettingsParser.Describe(schedule).Select(line => $"`{MrkdwnEscaping.Escape(line)}`");
        yield return Blocks.Section(
            $"*Your working time* ({MrkdwnEscaping.Escape(schedule.TimeZoneId)}, from your Slack profile)\n{string.Join("\n", lines)}\n"
            + "Reminders only arrive inside your working hours and never during focus blocks.",
            new ButtonElement(EditScheduleActionId, new PlainText("Edit")));
    }

    private static IEnumerable<Block> Lead(LedTeam team, string zone, DateTimeOffset now)
    {
        var figures = team.Figures;
        yield return Blocks.Divider();
        yield return Blocks.Header($"#{team.Team.ChannelName}: {team.Week.Name} (you lead)");

        var participation = $"*{figures.WroteOfExpected}* · {figures.Away} away · {figures.Missing} missing";
        if (figures.MedianPromptToUpdate is { } median)
        {
            participation += $" · median {Participation.Describe(median)} from prompt to update";
        }

        participation += $" · replaces {Participation.DescribeMinutes(figures.MeetingMinutesSaved)} of stand-ups";
        if (team.Missing.Count > 0)
        {
            var more = team.Missing.Count > MaxMissingNames ? $" and {team.Missing.Count - MaxMissingNames} more" : "";
            participation += $"\nNot written yet: {DecisionText.Mentions(team.Missing.Take(MaxMissingNames))}{more}";
        }

        yield return Blocks.Section(participation);

        var page = team.WeekPage is { } weekPage ? $"<{weekPage}|the team's page>" : "the team's page";
        yield return Blocks.Section(team.Blockers.Count == 0 ? "*Open blockers:* none 🎉" : $"*Open blockers ({team.Blockers.Count}), oldest first*");
        foreach (var blocker in team.Blockers.Take(MaxTeamBlockers))
        {
            yield return BlockerLine(blocker, DecisionText.Mention(blocker.UserId), now);
        }

        if (team.Blockers.Count > MaxTeamBlockers)
        {
            yield return Blocks.Context(team.WeekPage is null
                ? $"…and {team.Blockers.Count - MaxTeamBlockers} more."
                : $"…and {team.Blockers.Count - MaxTeamBlockers} more — see {page}.");
        }

        var log = team.DecisionLog is { } decisionLog ? $"<{decisionLog}|the decision log>" : null;
        yield return Blocks.Section(
            DocList($"Decisions due this week ({team.DueThisWeek.Count})", team.DueThisWeek, doc => $"due {DecisionText.LocalDate(doc.Deadline, zone)}", log)
            + "\n"
            + DocList($"Decided last week ({team.DecidedLastWeek.Count})", team.DecidedLastWeek,
                doc => $"decided: {MrkdwnEscaping.Escape(OneLine(doc.DecidedOption ?? ""))}", log));
        yield return Blocks.Context(team.WeekPage is null || team.DecisionLog is null
            ? PageLinks.PagesOff
            : $"📄 <{team.WeekPage}|Open the team's week> · 🗂️ <{team.DecisionLog}|Decision log>");
    }

    private static string DocList(string title, IReadOnlyList<DecisionDoc> docs, Func<DecisionDoc, string> detail, string? log)
    {
        if (docs.Count == 0)
        {
            return $"*{title}:* none";
        }

        var lines = docs.Take(MaxDocLines).Select(doc => $"• {DecisionText.Name(doc)} — {detail(doc)}").ToList();
        if (docs.Count > MaxDocLines)
        {
            lines.Add(log is null ? $"…and {docs.Count - MaxDocLines} more." : $"…and {docs.Count - MaxDocLines} more — see {log}.");
        }

        return $"*{title}*\n{string.Join("\n", lines)}";
    }

    private static SectionBlock BlockerLine(OpenBlocker blocker, string where, DateTimeOffset now) =>
        Blocks.Section($"🚧 {MrkdwnEscaping.Escape(blocker.Text)} — {where}, {WeekSummary.Age(blocker.OpenedAt, now)}",
            new ButtonElement(WeekSummary.ResolveActionId, new PlainText("Resolve")) { Value = blocker.Id.ToString(CultureInfo.InvariantCulture) });

    private static string OneLine(string text) => string.Join(' ', text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
