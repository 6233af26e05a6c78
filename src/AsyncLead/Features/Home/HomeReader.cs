using AsyncLead.Features.Decisions;
using AsyncLead.Features.Members;
using AsyncLead.Features.WeeklyUpdates;
using AsyncLead.Web;
using NodaTime;
using NodaTime.Extensions;

namespace AsyncLead.Features.Home;

/// <summary>Reads what one person's Home tab shows, from the weekly-updates, decisions and members stores.</summary>
public sealed class HomeReader(
    TeamStore teams,
    UpdateStore updates,
    DecisionStore decisions,
    MemberDirectory directory,
    ChannelAccess channels,
    WeekAttendance attendance,
    PageLinks links,
    TimeProvider clock)
{
    public async Task<HomeData> ReadAsync(string workspaceId, string userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var member = await directory.GetAsync(workspaceId, userId, ct);
        var weeks = new List<WeekStatus>();
        var led = new List<LedTeam>();
        // A workspace may hold thousands of teams: only the person's own are read. Channels never seen are learned first,
        // so the people of a team just set up count.
        await channels.LearnUnknownAsync(workspaceId, await teams.ChannelIdsAsync(workspaceId, ct), ct);
        var theirs = await teams.OfPersonAsync(workspaceId, userId, await channels.ChannelsOfAsync(workspaceId, userId, ct), ct);
        // What comes from a private channel is shown only to its members, leads included.
        var readable = await channels.VisibleAsync(workspaceId, userId, null, theirs.Select(t => t.ChannelId), ct);
        foreach (var team in theirs.Where(t => readable.Contains(t.ChannelId)))
        {
            var week = team.Calendar.ReportingWeekAt(now);
            var stored = await updates.FindWeekAsync(team.Id, week.Monday, ct);
            var written = stored is not null && await updates.FindUpdateAsync(stored.Id, userId, ct) is not null;
            var isLead = team.LeadUserId == userId;
            if (written || isLead || await IsExpectedAsync(team, stored, userId, ct))
            {
                var nextReminder = stored is null || written ? null : await updates.NextReminderAsync(stored.Id, userId, team.Cadence.Steps.Count, ct);
                var away = member.Schedule.IsAwayForWeek(week) || (stored is not null && (await updates.SkippedAsync(stored.Id, ct)).Contains(userId));
                weeks.Add(new WeekStatus(team, week, written, away, nextReminder, team.Calendar.ClosesAt(week)));
            }

            if (isLead)
            {
                led.Add(await LedTeamAsync(team, week, userId, now, ct));
            }
        }

        // Their own decisions and their teams' whose revisit day has come, in their own zone.
        var today = RecordForm.Today(now, member.Schedule.TimeZoneId);
        var toRevisit = await decisions.ToRevisitAsync(workspaceId, userId, [.. led.Select(t => t.Team.ChannelId)], today, ct);
        return new HomeData(userId, member.Schedule, weeks,
            await decisions.WaitingOnAsync(workspaceId, userId, ct),
            await updates.OpenBlockersOfAsync(workspaceId, userId, ct),
            led)
        {
            ToRevisit = toRevisit,
            History = links.Person(workspaceId, userId, userId),
        };
    }

    /// <summary>Expected to write: the prompt went to them, or (before this week's prompt) the team would expect them now.</summary>
    private async Task<bool> IsExpectedAsync(TeamChannel team, UpdateWeek? stored, string userId, CancellationToken ct)
    {
        if (stored?.ExpectedUserIds is { } expected)
        {
            return expected.Contains(userId, StringComparer.Ordinal);
        }

        if (!team.ExpectEveryone)
        {
            return team.ChosenMembers.Contains(userId, StringComparer.Ordinal);
        }

        // A channel the bot lost sight of has nobody in it: nobody there can be expected until it is back.
        return await channels.IsMemberAsync(team.WorkspaceId, team.ChannelId, userId, ct);
    }

    private async Task<LedTeam> LedTeamAsync(TeamChannel team, TeamWeek week, string userId, DateTimeOffset now, CancellationToken ct)
    {
        var roll = await attendance.ForWeekAsync(team, week, ct);
        var zone = TimeZoneIds.Resolve(team.TimeZone);
        var thisWeek = team.Calendar.WeekContaining(now);
        var monday = StartOf(thisWeek.Monday, zone);
        return new LedTeam(team, week, roll.Figures, roll.Missing,
            await updates.OpenBlockersOfTeamAsync(team.Id, ct),
            await decisions.DueInChannelAsync(team.WorkspaceId, team.ChannelId, monday, StartOf(thisWeek.Next().Monday, zone), ct),
            await decisions.DecidedInChannelAsync(team.WorkspaceId, team.ChannelId, StartOf(thisWeek.Previous().Monday, zone), monday, ct),
            links.TeamWeek(team.WorkspaceId, team.ChannelId, week.Monday, userId),
            links.DecisionLog(team.WorkspaceId, userId));
    }

    private static DateTimeOffset StartOf(DateOnly day, DateTimeZone zone) =>
        LocalDate.FromDateOnly(day).AtStartOfDayInZone(zone).ToInstant().ToDateTimeOffset();
}
