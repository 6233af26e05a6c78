using System.Globalization;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;

namespace AsyncLead.Features.Decisions;

/// <summary>The author moves the deadline later: reminders are planned again and the thread is told why and until when.</summary>
public sealed class ExtendSubmission(DecisionStore store, TimeProvider clock) : IViewSubmissionHandler
{
    public string CallbackId => DecisionModals.ExtendCallback;

    public async Task<SlackAck> HandleAsync(ViewSubmissionPayload submission, SlackContext context, CancellationToken ct)
    {
        var doc = await store.FindAsync(context.TeamId ?? "", long.Parse(submission.View.PrivateMetadata!, CultureInfo.InvariantCulture), ct);
        if (doc is null || doc.AuthorId != submission.User.Id)
        {
            return SlackAck.ViewErrors(new Dictionary<string, string> { [DecisionModals.Deadline] = "Only the doc's author can extend it." });
        }

        var state = submission.View.State;
        var deadline = DocForm.Instant(state.Find(DecisionModals.Deadline, DecisionModals.Deadline)?.SelectedDateTime);
        if (deadline is null)
        {
            return SlackAck.ViewErrors(new Dictionary<string, string> { [DecisionModals.Deadline] = "Pick the new deadline." });
        }

        if (DecisionSchedule.ValidateExtension(doc.Deadline, deadline.Value, clock.GetUtcNow()) is [var error, ..])
        {
            return SlackAck.ViewErrors(new Dictionary<string, string> { [DecisionModals.Deadline] = error.Message });
        }

        // The decision can't come before the responses: a decision date the extension overtakes moves to the next morning.
        var decisionDate = doc.DecisionDate >= deadline.Value ? doc.DecisionDate : DecisionSchedule.DefaultDecisionDate(deadline.Value, doc.AuthorTz);
        var reason = state.Find(DecisionModals.Reason, DecisionModals.Reason)?.Value ?? "";
        return await store.ExtendAsync(doc.Id, submission.User.Id, deadline.Value, decisionDate, reason, DecisionText.Extension(doc, deadline.Value, reason), ct)
            ? SlackAck.Empty
            : SlackAck.ViewErrors(new Dictionary<string, string> { [DecisionModals.Deadline] = "Responses on this doc are already closed." });
    }
}
