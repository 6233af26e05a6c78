using AsyncLead.Features.Members;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;

namespace AsyncLead.Features.Decisions;

/// <summary>The doc form's submit: validate into field errors (nothing saved), else save and enqueue the post.</summary>
public sealed class DocSubmission(DecisionStore store, MemberDirectory members, TimeProvider clock) : IViewSubmissionHandler
{
    public string CallbackId => DecisionModals.DocCallback;

    public async Task<SlackAck> HandleAsync(ViewSubmissionPayload submission, SlackContext context, CancellationToken ct)
    {
        var state = submission.View.State;
        var authorId = submission.User.Id;
        string Text(string id) => state.Find(id, id)?.Value?.Trim() ?? "";

        var sections = new DecisionDocSections(
            Text(DecisionModals.Title), Text(DecisionModals.Problem), Text(DecisionModals.Options),
            Text(DecisionModals.Analysis), Text(DecisionModals.Recommendation), Text(DecisionModals.Questions));
        var reviewers = (state.Find(DecisionModals.Reviewers, DecisionModals.Reviewers)?.SelectedUsers ?? [])
            .Where(id => id != authorId).Distinct().ToList();
        var deadline = Instant(state.Find(DecisionModals.Deadline, DecisionModals.Deadline)?.SelectedDateTime);
        var decisionDate = Instant(state.Find(DecisionModals.DecisionDate, DecisionModals.DecisionDate)?.SelectedDateTime);

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
        else
        {
            foreach (var error in DecisionSchedule.Validate(deadline.Value, decisionDate.Value, clock.GetUtcNow()))
            {
                errors[error.Field == DecisionField.ResponseDeadline ? DecisionModals.Deadline : DecisionModals.DecisionDate] = error.Message;
            }
        }

        if (errors.Count > 0)
        {
            return SlackAck.ViewErrors(errors);
        }

        var teamId = context.TeamId!;
        var author = await members.GetAsync(teamId, authorId, ct);
        await store.CreateAsync(new NewDecision(
            teamId, submission.View.PrivateMetadata!, authorId, author.Schedule.TimeZoneId, sections, reviewers, deadline!.Value, decisionDate!.Value), ct);
        return SlackAck.Empty;
    }

    internal static DateTimeOffset? Instant(long? unixSeconds) =>
        unixSeconds is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
}
