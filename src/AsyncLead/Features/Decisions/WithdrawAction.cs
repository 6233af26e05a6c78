using AsyncLead.Outbox;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;
using AsyncLead.Slack.WebApi;

namespace AsyncLead.Features.Decisions;

public sealed class WithdrawAction(DecisionStore store, Notices notices) : IBlockActionHandler
{
    public string ActionId => DecisionMessage.Withdraw;

    public async Task HandleAsync(BlockActionsPayload payload, BlockAction action, SlackContext context, CancellationToken ct)
    {
        if (await AuthorsDoc.FindAsync(store, notices, payload, action, context, "withdraw", ct) is not { } doc)
        {
            return;
        }

        if (!await store.WithdrawAsync(doc.Id, DecisionText.Withdrawal(doc), ct))
        {
            await notices.TellAsync(context, $"{DecisionText.Name(doc)} is {DecisionText.StatusWord(doc)}, so it can't be withdrawn.", ct);
        }
    }
}
