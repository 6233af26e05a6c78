using System.Globalization;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;

namespace AsyncLead.Features.Decisions;

/// <summary>A concern or question: recorded as the person's answer and posted in the doc's thread.</summary>
public sealed class CommentSubmission(DecisionStore store) : IViewSubmissionHandler
{
    public string CallbackId => DecisionModals.CommentCallback;

    public async Task<SlackAck> HandleAsync(ViewSubmissionPayload submission, SlackContext context, CancellationToken ct)
    {
        var parts = (submission.View.PrivateMetadata ?? "").Split(':');
        var decisionId = long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0;
        // Only what the modal was opened for; anything else in the metadata was not sent by us.
        if (parts.Length != 2 || !Enum.TryParse<ReviewerAnswer>(parts[1], out var kind) || kind is not (ReviewerAnswer.Concern or ReviewerAnswer.Question or ReviewerAnswer.Hold))
        {
            return SlackAck.ViewErrors(new Dictionary<string, string> { [DecisionModals.Text] = "This form is out of date. Close it and click the doc's button again." });
        }

        var text = submission.View.State.Find(DecisionModals.Text, DecisionModals.Text)?.Value?.Trim() ?? "";
        if (await store.FindAsync(context.TeamId ?? "", decisionId, ct) is null)
        {
            return SlackAck.ViewErrors(new Dictionary<string, string> { [DecisionModals.Text] = "This doc isn't in this workspace." });
        }

        if (text.Length == 0)
        {
            return SlackAck.ViewErrors(new Dictionary<string, string> { [DecisionModals.Text] = kind == ReviewerAnswer.Hold
                ? "Say what the decision should wait for."
                : "Write what you'd like the author to consider." });
        }

        return await store.RaiseAsync(decisionId, submission.User.Id, kind, text, ct) == ResponseResult.NotOpen
            ? SlackAck.ViewErrors(new Dictionary<string, string> { [DecisionModals.Text] = "Responses on this doc are closed." })
            : SlackAck.Empty;
    }
}
