using System.Globalization;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;

namespace AsyncLead.Features.Decisions;

/// <summary>The author records the chosen option and why: the doc becomes a decision record.</summary>
public sealed class DecideSubmission(DecisionStore store, TimeProvider clock) : IViewSubmissionHandler
{
    public string CallbackId => DecisionModals.DecideCallback;

    public async Task<SlackAck> HandleAsync(ViewSubmissionPayload submission, SlackContext context, CancellationToken ct)
    {
        var doc = await store.FindAsync(context.TeamId ?? "", long.Parse(submission.View.PrivateMetadata!, CultureInfo.InvariantCulture), ct);
        if (doc is null || doc.AuthorId != submission.User.Id)
        {
            return SlackAck.ViewErrors(new Dictionary<string, string> { [DecisionModals.Option] = "Only the doc's author can record the decision." });
        }

        var form = RecordForm.Read(submission.View.State, clock.GetUtcNow(), doc.AuthorTz);
        if (form.Errors.Count > 0)
        {
            return SlackAck.ViewErrors(form.Errors);
        }

        var decision = form.Decision;
        var recorded = await store.RecordDecisionAsync(doc.Id, submission.User.Id, decision,
            early => DecisionText.Decided(submission.User.Id, decision.Option, early, doc.Quorum), ct);
        return recorded
            ? SlackAck.Empty
            : SlackAck.ViewErrors(new Dictionary<string, string> { [DecisionModals.Option] = "This doc can't be decided now: it is waiting for reviewers, or already decided, withdrawn or lapsed." });
    }
}
