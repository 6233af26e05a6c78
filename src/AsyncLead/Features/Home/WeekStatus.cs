using AsyncLead.Features.Decisions;
using AsyncLead.Features.Members;
using AsyncLead.Features.WeeklyUpdates;

namespace AsyncLead.Features.Home;

/// <summary>The person's update for a team's current reporting week.</summary>
/// <param name="NextReminder">The next reminder planned for them, when they haven't written.</param>
public sealed record WeekStatus(TeamChannel Team, TeamWeek Week, bool Written, bool Away, DateTimeOffset? NextReminder, DateTimeOffset ClosesAt);
