namespace AsyncLead.Features.Decisions;

/// <summary>One follow-up of a recorded decision: who does what by when. It reaches its owner's next weekly update.</summary>
public sealed record DecisionFollowUp(string OwnerId, string Text, DateOnly DueOn);
