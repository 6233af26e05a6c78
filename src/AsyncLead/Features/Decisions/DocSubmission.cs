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
        var authorId = submission.User.Id;
        var form = DocForm.Read(submission.View.State, authorId);
        if (form is { Deadline: { } deadline, DecisionDate: { } decisionDate })
        {
            form.Add(DecisionSchedule.Validate(deadline, decisionDate, clock.GetUtcNow()));
        }

        if (form.Errors.Count > 0)
        {
            return SlackAck.ViewErrors(form.Errors);
        }

        var teamId = context.TeamId!;
        var author = await members.GetAsync(teamId, authorId, ct);
        await store.CreateAsync(new NewDecision(
            teamId, submission.View.PrivateMetadata!, authorId, author.Schedule.TimeZoneId, form.Sections, form.Reviewers, form.Deadline!.Value, form.DecisionDate!.Value, form.Quorum), ct);
        return SlackAck.Empty;
    }
}
