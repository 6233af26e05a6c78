namespace AsyncLead.Features.Decisions;

/// <summary>What the author records when deciding: the chosen option, why, when to look at it again, and who does what next.</summary>
public sealed record RecordedDecision(string Option, string Rationale, DateOnly? RevisitOn, IReadOnlyList<DecisionFollowUp> FollowUps);
