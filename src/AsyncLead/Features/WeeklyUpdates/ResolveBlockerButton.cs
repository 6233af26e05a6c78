using System.Globalization;
using AsyncLead.Outbox;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>
/// "Resolve" on a week's summary, on the reply that lists the blocker, or on a Home tab, for the blocker's author or the
/// team's lead (anyone else is told who can, privately). The store resolves it and, in
/// the same transaction, queues edits of the messages that show it and refreshes of the Home tabs that list it.
/// </summary>
public sealed class ResolveBlockerButton(UpdateStore updates, Notices notices, TimeProvider clock) : IBlockActionHandler
{
    public string ActionId => WeekSummary.ResolveActionId;

    public async Task HandleAsync(BlockActionsPayload payload, BlockAction action, SlackContext context, CancellationToken ct)
    {
        if (!long.TryParse(action.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var blockerId)
            || context.TeamId is not { } workspaceId || context.UserId is not { } userId)
        {
            return;
        }

        var resolution = await updates.ResolveBlockerAsync(workspaceId, blockerId, userId, payload.Container?.MessageTs, clock.GetUtcNow(), ct);
        if (resolution.Result == BlockerResolution.Outcome.NotAllowed)
        {
            await notices.TellAsync(context, WeeklyTexts.OnlyOwnersResolve(resolution.AuthorId, resolution.LeadId), ct);
        }
    }
}
