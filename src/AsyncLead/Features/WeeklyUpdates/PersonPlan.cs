namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>One writer's plan against actual: <see cref="Line"/> is <see cref="PlanCheck.Describe"/>'s plain text of <see cref="Outcomes"/>.</summary>
public sealed record PersonPlan(string UserId, string Line, IReadOnlyList<PlannedOutcome> Outcomes, string? MessageTs);
