namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>
/// What changed in a team's week, without guessing: each writer who planned something the week before, against what
/// they wrote now (writers without a plan are left out), and the open blockers written unchanged
/// <see cref="FlagAfterWeeks"/> weeks in a row or more, with how many.
/// </summary>
public sealed record WeekChanges(IReadOnlyList<PersonPlan> Plans, IReadOnlyDictionary<long, int> BlockedWeeks)
{
    /// <summary>A blocker written in this many weekly updates in a row is flagged, with an offer to decide it.</summary>
    public const int FlagAfterWeeks = 2;

    public static WeekChanges None { get; } = new([], new Dictionary<long, int>());

    /// <summary>Weeks in a row the blocker has been written, when that is at least <see cref="FlagAfterWeeks"/>; else 0.</summary>
    public int WeeksBlocked(long blockerId) => BlockedWeeks.GetValueOrDefault(blockerId);
}
