using AsyncLead.Outbox;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;
using AsyncLead.Slack.WebApi;

namespace AsyncLead.Features.Decisions;

/// <summary>Edit opens the doc's form filled as it stands, while the doc takes responses.</summary>
public sealed class EditAction(DecisionStore store, Notices notices, ISlackClient slack) : IBlockActionHandler
{
    public string ActionId => DecisionMessage.Edit;

    public async Task HandleAsync(BlockActionsPayload payload, BlockAction action, SlackContext context, CancellationToken ct)
    {
        if (await AuthorsDoc.FindAsync(store, notices, payload, action, context, "edit", ct) is not { } doc)
        {
            return;
        }

        if (await store.SnapshotAsync(doc.Id, ct) is { Doc.State: DecisionStatus.Open } snapshot)
        {
            await slack.ForWorkspace(context.TeamId!).Views.OpenAsync(payload.TriggerId!, DecisionModals.Edit(snapshot), ct);
        }
        else
        {
            await notices.TellAsync(context, DecisionText.NotEditable(doc), ct);
        }
    }
}
