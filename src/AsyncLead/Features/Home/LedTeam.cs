using AsyncLead.Features.Decisions;
using AsyncLead.Features.Members;
using AsyncLead.Features.WeeklyUpdates;

namespace AsyncLead.Features.Home;

/// <summary>A team as its lead sees it this week.</summary>
/// <param name="Missing">Expected people who haven't written and aren't away.</param>
/// <param name="Blockers">Every open blocker of the team, oldest first.</param>
/// <param name="DueThisWeek">Docs of the team's channel still taking responses, due this week.</param>
/// <param name="DecidedLastWeek">Docs of the team's channel decided last week.</param>
/// <param name="WeekPage">Null, as <paramref name="DecisionLog"/>, when pages are off (no public address).</param>
public sealed record LedTeam(
    TeamChannel Team,
    TeamWeek Week,
    ParticipationFigures Figures,
    IReadOnlyList<string> Missing,
    IReadOnlyList<OpenBlocker> Blockers,
    IReadOnlyList<DecisionDoc> DueThisWeek,
    IReadOnlyList<DecisionDoc> DecidedLastWeek,
    Uri? WeekPage,
    Uri? DecisionLog);
