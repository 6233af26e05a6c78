using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>"Cancel" on the preview of an inline update with no label (and on the add-or-replace question).</summary>
public sealed class InlineCancelButton(InlineChoices choices) : IAnsweringBlockActionHandler
{
    public string ActionId => InlinePreview.CancelActionId;

    public async Task<MessageAck?> AnswerAsync(BlockActionsPayload payload, BlockAction action, SlackContext context, CancellationToken ct) =>
        !InlinePreview.TryReadDraftValue(action.Value, out var draftId) || context.TeamId is not { } workspaceId || context.UserId is not { } userId
            ? null
            : await choices.CancelAsync(workspaceId, draftId, userId, ct);
}
