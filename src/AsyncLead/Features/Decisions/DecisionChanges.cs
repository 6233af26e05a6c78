namespace AsyncLead.Features.Decisions;

/// <summary>What one edit changed, as the thread and the reviewers asked to confirm are told.</summary>
public sealed record DecisionChanges(
    IReadOnlyList<string> Sections,
    IReadOnlyList<string> AddedReviewers,
    IReadOnlyList<string> RemovedReviewers,
    DateTimeOffset? Deadline,
    DateTimeOffset? DecisionDate,
    IReadOnlyList<string> ToConfirm)
{
    /// <summary>The new quorum, when it changed.</summary>
    public DecisionQuorum? Quorum { get; init; }

    public const string OptionsHeading = "Options Considered";
    public const string RecommendationHeading = "Recommendation";

    public bool Any => Sections.Count + AddedReviewers.Count + RemovedReviewers.Count > 0 || Deadline is not null || DecisionDate is not null || Quorum is not null;

    /// <summary>What reviewers approved changed: approvals given before it wait for their reviewer to confirm.</summary>
    public bool NewVersion => Sections.Contains(OptionsHeading) || Sections.Contains(RecommendationHeading);

    public static DecisionChanges Between(DecisionSnapshot before, DecisionEdit edit)
    {
        var doc = before.Doc;
        var sections = new (string Heading, string Was, string Now)[]
        {
            ("Title", doc.Title, edit.Sections.Title),
            ("Problem Statement", doc.ProblemStatement, edit.Sections.ProblemStatement),
            (OptionsHeading, doc.Options, edit.Sections.OptionsConsidered),
            ("Analysis", doc.Analysis, edit.Sections.Analysis),
            (RecommendationHeading, doc.Recommendation, edit.Sections.Recommendation),
            ("Questions for Team", doc.Questions, edit.Sections.QuestionsForTeam),
        }.Where(s => Normalize(s.Was) != Normalize(s.Now)).Select(s => s.Heading).ToList();
        var added = edit.Reviewers.Except(before.Reviewers, StringComparer.Ordinal).ToList();
        var removed = before.Reviewers.Except(edit.Reviewers, StringComparer.Ordinal).ToList();
        var changes = new DecisionChanges(sections, added, removed,
            edit.Deadline != doc.Deadline ? edit.Deadline : null, edit.DecisionDate != doc.DecisionDate ? edit.DecisionDate : null, [])
        {
            Quorum = edit.Quorum != doc.Quorum ? edit.Quorum : null,
        };
        if (!changes.NewVersion)
        {
            return changes;
        }

        // Those whose approval counted until now; an approval already waiting for confirmation was asked before.
        var approved = before.Responses.Where(r => r.Answer == ReviewerAnswer.Approve && !r.EarlierVersion).Select(r => r.ReviewerId).ToHashSet(StringComparer.Ordinal);
        return changes with { ToConfirm = [.. edit.Reviewers.Where(approved.Contains)] };
    }

    // Slack's text inputs may hand back other line endings or trailing space than were stored: not a change.
    private static string Normalize(string text) => text.ReplaceLineEndings("\n").Trim();
}
