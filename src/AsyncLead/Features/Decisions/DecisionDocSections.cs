namespace AsyncLead.Features.Decisions;

/// <summary>A decision doc's title and sections, each Markdown text (empty when absent).</summary>
public sealed record DecisionDocSections(
    string Title,
    string ProblemStatement,
    string OptionsConsidered,
    string Analysis,
    string Recommendation,
    string QuestionsForTeam);
