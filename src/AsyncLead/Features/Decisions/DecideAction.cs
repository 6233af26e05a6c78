using AsyncLead.Outbox;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;
using AsyncLead.Slack.WebApi;

namespace AsyncLead.Features.Decisions;

public sealed class DecideAction(DecisionStore store, Notices notices, ISlackClient slack) : IBlockActionHandler
{
    public string ActionId => DecisionMessage.Decide;

    public async Task HandleAsync(BlockActionsPayload payload, BlockAction action, SlackContext context, CancellationToken ct)
    {
        if (await AuthorsDoc.FindAsync(store, notices, payload, action, context, "record the decision on", ct) is not { } doc)
        {
            return;
        }

        if (await store.SnapshotAsync(doc.Id, ct) is not { CanDecide: true })
        {
            await notices.TellAsync(context, doc.State == DecisionStatus.Open
                ? $"{DecisionText.Name(doc)} is still waiting for its reviewers: it can be decided once every reviewer has approved with no concern open, or after its deadline."
                : $"{DecisionText.Name(doc)} is {DecisionText.StatusWord(doc)}, so there is nothing to decide now.", ct);
        }
        else
        {
            await slack.ForWorkspace(context.TeamId!).Views.OpenAsync(payload.TriggerId!, DecisionModals.Decide(doc), ct);
        }
    }
}
