using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>"Post as Completed" (or "Add to Completed") on the preview of an inline update with no label.</summary>
public sealed class InlinePostButton(InlineChoices choices) : IAnsweringBlockActionHandler
{
    public string ActionId => InlinePreview.PostActionId;

    public async Task<MessageAck?> AnswerAsync(BlockActionsPayload payload, BlockAction action, SlackContext context, CancellationToken ct) =>
        !InlinePreview.TryReadDraftValue(action.Value, out var draftId) || context.TeamId is not { } workspaceId || context.UserId is not { } userId
            ? null
            : await choices.PostAsync(workspaceId, draftId, userId, ct);
}
