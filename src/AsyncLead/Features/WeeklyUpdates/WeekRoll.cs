using AsyncLead.Features.Members;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>One team week as the read side shows it: the stored week, its updates, and who wrote, was away or is missing.</summary>
public sealed record WeekRoll(TeamChannel Team, TeamWeek Week, UpdateWeek? Stored, IReadOnlyList<StoredUpdate> Updates,
    IReadOnlyList<string> Away, IReadOnlyList<string> Missing, ParticipationFigures Figures)
{
    public IEnumerable<string> Writers => Updates.Select(u => u.UserId);
}
