namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>
/// One item of a person's last Next Week, as they wrote it, and what became of it. <see cref="Weeks"/>, for an item
/// still open (in progress, planned again, blocked), counts the weeks in a row it has been planned or in progress,
/// this one included; 0 otherwise.
/// </summary>
public sealed record PlannedOutcome(string Item, PlanState State, int Weeks = 0);
