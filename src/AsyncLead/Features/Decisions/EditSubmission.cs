using System.Globalization;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;

namespace AsyncLead.Features.Decisions;

/// <summary>The edit form's submit: the same rules as a new doc, except that a deadline left as it was is kept.</summary>
public sealed class EditSubmission(DecisionStore store, TimeProvider clock) : IViewSubmissionHandler
{
    public string CallbackId => DecisionModals.EditCallback;

    public async Task<SlackAck> HandleAsync(ViewSubmissionPayload submission, SlackContext context, CancellationToken ct)
    {
        var id = long.TryParse(submission.View.PrivateMetadata, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        var doc = await store.FindAsync(context.TeamId ?? "", id, ct);
        if (doc is null || doc.AuthorId != submission.User.Id)
        {
            return SlackAck.ViewErrors(new Dictionary<string, string> { [DecisionModals.Title] = "Only the doc's author can edit it." });
        }

        var form = DocForm.Read(submission.View.State, submission.User.Id);
        if (form is { Deadline: { } deadline, DecisionDate: { } decisionDate })
        {
            form.Add(DecisionSchedule.ValidateEdit(doc.Deadline, deadline, decisionDate, clock.GetUtcNow()));
        }

        if (form.Errors.Count > 0)
        {
            return SlackAck.ViewErrors(form.Errors);
        }

        var edit = new DecisionEdit(form.Sections, form.Reviewers, form.Deadline!.Value, form.DecisionDate!.Value, form.Quorum);
        return await store.EditAsync(doc.Id, edit, ct) switch
        {
            EditResult.NotOpen => SlackAck.ViewErrors(new Dictionary<string, string> { [DecisionModals.Title] = "Responses on this doc closed meanwhile, so it can't be edited." }),
            EditResult.Unchanged => SlackAck.ViewErrors(new Dictionary<string, string> { [DecisionModals.Title] = "Nothing is changed yet: edit a section, the reviewers or the dates, or cancel." }),
            _ => SlackAck.Empty,
        };
    }
}
