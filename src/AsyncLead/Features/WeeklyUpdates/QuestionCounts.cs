namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>How many questions a week's thread put to its writers, and how many of them the writers answered.</summary>
public sealed record QuestionCounts(int Asked, int Answered);
