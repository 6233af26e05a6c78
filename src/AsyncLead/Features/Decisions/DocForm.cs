using AsyncLead.Slack.Payloads;

namespace AsyncLead.Features.Decisions;

/// <summary>What the doc form holds (new or edited), read back from its submission, with the errors of its own fields.</summary>
public sealed record DocForm(
    DecisionDocSections Sections,
    IReadOnlyList<string> Reviewers,
    DateTimeOffset? Deadline,
    DateTimeOffset? DecisionDate,
    DecisionQuorum Quorum,
    Dictionary<string, string> Errors)
{
    /// <summary>Reads the form; the author is never their own reviewer. The schedule's rules are the caller's (new and edit differ).</summary>
    public static DocForm Read(ViewState state, string authorId)
    {
        string Text(string id) => state.Find(id, id)?.Value?.Trim() ?? "";

        var sections = new DecisionDocSections(
            Text(DecisionModals.Title), Text(DecisionModals.Problem), Text(DecisionModals.Options),
            Text(DecisionModals.Analysis), Text(DecisionModals.Recommendation), Text(DecisionModals.Questions));
        var reviewers = (state.Find(DecisionModals.Reviewers, DecisionModals.ReviewersAction)?.SelectedUsers ?? [])
            .Where(id => id != authorId).Distinct().ToList();
        var deadline = Instant(state.Find(DecisionModals.Deadline, DecisionModals.Deadline)?.SelectedDateTime);
        var decisionDate = Instant(state.Find(DecisionModals.DecisionDate, DecisionModals.DecisionDate)?.SelectedDateTime);
        // Anything but the majority option (a forged value included) is the default: every reviewer.
        var quorum = state.Find(DecisionModals.Quorum, DecisionModals.Quorum)?.SelectedOption?.Value == DecisionModals.MajorityValue
            ? DecisionQuorum.Majority
            : DecisionQuorum.All;

        var errors = new Dictionary<string, string>();
        if (sections.Title.Length == 0)
        {
            errors[DecisionModals.Title] = "Give the doc a title.";
        }

        if (sections.ProblemStatement.Length == 0)
        {
            errors[DecisionModals.Problem] = "Describe the problem: it is what reviewers answer to.";
        }

        if (reviewers.Count == 0)
        {
            errors[DecisionModals.Reviewers] = "Pick at least one reviewer besides yourself.";
        }

        if (deadline is null)
        {
            errors[DecisionModals.Deadline] = "Pick a response deadline.";
        }
        else if (decisionDate is null)
        {
            errors[DecisionModals.DecisionDate] = "Pick a decision date.";
        }

        return new DocForm(sections, reviewers, deadline, decisionDate, quorum, errors);
    }

    /// <summary>Adds the schedule's errors, each to its field.</summary>
    public void Add(IEnumerable<DecisionFieldError> scheduleErrors)
    {
        foreach (var error in scheduleErrors)
        {
            Errors[error.Field == DecisionField.ResponseDeadline ? DecisionModals.Deadline : DecisionModals.DecisionDate] = error.Message;
        }
    }

    internal static DateTimeOffset? Instant(long? unixSeconds) =>
        unixSeconds is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
}
