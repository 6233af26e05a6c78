using System.Globalization;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;

namespace AsyncLead.Features.Decisions;

/// <summary>The author records the chosen option and why: the doc becomes a decision record.</summary>
public sealed class DecideSubmission(DecisionStore store) : IViewSubmissionHandler
{
    public string CallbackId => DecisionModals.DecideCallback;

    public async Task<SlackAck> HandleAsync(ViewSubmissionPayload submission, SlackContext context, CancellationToken ct)
    {
        var doc = await store.FindAsync(context.TeamId ?? "", long.Parse(submission.View.PrivateMetadata!, CultureInfo.InvariantCulture), ct);
        var state = submission.View.State;
        var option = state.Find(DecisionModals.Option, DecisionModals.Option)?.Value?.Trim() ?? "";
        var rationale = state.Find(DecisionModals.Rationale, DecisionModals.Rationale)?.Value?.Trim() ?? "";
        if (doc is null || doc.AuthorId != submission.User.Id)
        {
            return SlackAck.ViewErrors(new Dictionary<string, string> { [DecisionModals.Option] = "Only the doc's author can record the decision." });
        }

        if (option.Length == 0)
        {
            return SlackAck.ViewErrors(new Dictionary<string, string> { [DecisionModals.Option] = "Name the option you chose." });
        }

        var recorded = await store.RecordDecisionAsync(doc.Id, submission.User.Id, option, rationale, early => DecisionText.Decided(submission.User.Id, option, early, doc.Quorum), ct);
        return recorded
            ? SlackAck.Empty
            : SlackAck.ViewErrors(new Dictionary<string, string> { [DecisionModals.Option] = "This doc can't be decided now: it is waiting for reviewers, or already decided, withdrawn or lapsed." });
    }
}
