using AsyncLead.Features.Decisions;
using AsyncLead.Features.Members;
using AsyncLead.Features.WeeklyUpdates;

namespace AsyncLead.Features.Home;

/// <summary>Everything one person's Home tab shows, read at one moment; <see cref="HomeTab"/> turns it into blocks.</summary>
public sealed record HomeData(
    string UserId,
    MemberSchedule Schedule,
    IReadOnlyList<WeekStatus> Weeks,
    IReadOnlyList<DecisionDoc> WaitingOnYou,
    IReadOnlyList<OpenBlocker> YourBlockers,
    IReadOnlyList<LedTeam> LedTeams)
{
    /// <summary>In no team yet (new, or only ever asked to review): the tab then explains how to start instead of "Your week".</summary>
    public bool IsInNoTeam => Weeks.Count == 0 && LedTeams.Count == 0;
}

/// <summary>The person's update for a team's current reporting week.</summary>
/// <param name="NextReminder">The next reminder planned for them, when they haven't written.</param>
public sealed record WeekStatus(TeamChannel Team, TeamWeek Week, bool Written, bool Away, DateTimeOffset? NextReminder, DateTimeOffset ClosesAt);

/// <summary>A team as its lead sees it this week.</summary>
/// <param name="Missing">Expected people who haven't written and aren't away.</param>
/// <param name="Blockers">Every open blocker of the team, oldest first.</param>
/// <param name="DueThisWeek">Docs of the team's channel still taking responses, due this week.</param>
/// <param name="DecidedLastWeek">Docs of the team's channel decided last week.</param>
public sealed record LedTeam(
    TeamChannel Team,
    TeamWeek Week,
    ParticipationFigures Figures,
    IReadOnlyList<string> Missing,
    IReadOnlyList<OpenBlocker> Blockers,
    IReadOnlyList<DecisionDoc> DueThisWeek,
    IReadOnlyList<DecisionDoc> DecidedLastWeek,
    Uri WeekPage,
    Uri DecisionLog);
