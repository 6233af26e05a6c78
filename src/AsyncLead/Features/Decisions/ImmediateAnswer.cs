using AsyncLead.Outbox;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;
using AsyncLead.Slack.WebApi;

namespace AsyncLead.Features.Decisions;

/// <summary>Approve and Abstain record at once; the same answer twice (a double click, a retry) changes nothing.</summary>
public abstract class ImmediateAnswer(DecisionStore store, Notices notices) : IBlockActionHandler
{
    public abstract string ActionId { get; }

    protected abstract ReviewerAnswer Answer { get; }

    public async Task HandleAsync(BlockActionsPayload payload, BlockAction action, SlackContext context, CancellationToken ct)
    {
        var snapshot = await store.SnapshotAsync(DecisionMessage.IdFrom(action.Value), ct);
        if (snapshot is null || snapshot.Doc.WorkspaceId != context.TeamId)
        {
            return;
        }

        var doc = snapshot.Doc;
        var result = await store.RecordResponseAsync(doc.Id, payload.User.Id, Answer, ct);
        var verb = Answer == ReviewerAnswer.Approve ? "approved" : "abstained on";
        var notice = result switch
        {
            ResponseResult.NotOpen => $"Responses on {DecisionText.Name(doc)} are closed.",
            _ when !snapshot.Reviewers.Contains(payload.User.Id) =>
                $"Thanks: you {verb} {DecisionText.Name(doc)}. You're not one of its reviewers, so this counts as a comment.",
            ResponseResult.Unchanged => $"You already {verb} {DecisionText.Name(doc)}.",
            _ when snapshot.Responses.Any(r => r.ReviewerId == payload.User.Id && r.EarlierVersion) && Answer == ReviewerAnswer.Approve =>
                $"You confirmed your approval of {DecisionText.Name(doc)} as it reads now.",
            _ => $"You {verb} {DecisionText.Name(doc)}.",
        };
        await notices.TellAsync(context, notice, ct);
    }
}
