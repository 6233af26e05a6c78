using AsyncLead.Outbox;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;
using AsyncLead.Slack.WebApi;

namespace AsyncLead.Features.Decisions;

public sealed class ExtendAction(DecisionStore store, Notices notices, ISlackClient slack) : IBlockActionHandler
{
    public string ActionId => DecisionMessage.Extend;

    public async Task HandleAsync(BlockActionsPayload payload, BlockAction action, SlackContext context, CancellationToken ct)
    {
        if (await AuthorsDoc.FindAsync(store, notices, payload, action, context, "extend", ct) is not { } doc)
        {
            return;
        }

        if (doc.State is not (DecisionStatus.Open or DecisionStatus.Closed))
        {
            await notices.TellAsync(context, $"{DecisionText.Name(doc)} is {DecisionText.StatusWord(doc)}, so its deadline can't move.", ct);
        }
        else
        {
            await slack.ForWorkspace(context.TeamId!).Views.OpenAsync(payload.TriggerId!, DecisionModals.Extend(doc, doc.Deadline.AddDays(1)), ct);
        }
    }
}
