using AsyncLead.Outbox;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;
using AsyncLead.Slack.WebApi;

namespace AsyncLead.Features.Decisions;

/// <summary>A concern is resolved by whoever raised it or by the doc's author.</summary>
public sealed class ResolveAction(DecisionStore store, Notices notices) : IBlockActionHandler
{
    public string ActionId => DecisionMessage.Resolve;

    public async Task HandleAsync(BlockActionsPayload payload, BlockAction action, SlackContext context, CancellationToken ct)
    {
        var concern = await store.FindConcernAsync(DecisionMessage.IdFrom(action.Value), ct);
        var doc = concern is null || context.TeamId is not { } workspaceId ? null : await store.FindAsync(workspaceId, concern.DecisionId, ct);
        if (concern is null || doc is null)
        {
            return;
        }

        if (payload.User.Id != concern.AuthorId && payload.User.Id != doc.AuthorId)
        {
            await notices.TellAsync(context,
                $"Only {DecisionText.Mention(concern.AuthorId)} (who raised it) or {DecisionText.Mention(doc.AuthorId)} (the doc's author) can "
                + (concern.IsHold ? "release this hold." : "resolve this concern."), ct);
            return;
        }

        await store.ResolveConcernAsync(concern, doc.WorkspaceId, payload.User.Id, ct);
    }
}
