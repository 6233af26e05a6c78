using AsyncLead.Outbox;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;
using AsyncLead.Slack.WebApi;

namespace AsyncLead.Features.Decisions;

/// <summary>Concern and Question ask for the text in a small modal (opened with the click's trigger_id).</summary>
public abstract class CommentAnswer(DecisionStore store, Notices notices, ISlackClient slack) : IBlockActionHandler
{
    public abstract string ActionId { get; }

    protected abstract ReviewerAnswer Kind { get; }

    public async Task HandleAsync(BlockActionsPayload payload, BlockAction action, SlackContext context, CancellationToken ct)
    {
        if (context.TeamId is not { } workspaceId || await store.FindAsync(workspaceId, DecisionMessage.IdFrom(action.Value), ct) is not { } doc)
        {
            return;
        }

        if (doc.State != DecisionStatus.Open)
        {
            await notices.TellAsync(context, $"Responses on {DecisionText.Name(doc)} are closed.", ct);
            return;
        }

        await slack.ForWorkspace(context.TeamId!).Views.OpenAsync(payload.TriggerId!, DecisionModals.Comment(doc, Kind), ct);
    }
}
