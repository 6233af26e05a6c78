using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>"Open in the form" on the preview of an inline update with no label: the click's trigger_id opens the form (the ack has gone already).</summary>
public sealed class InlineFormButton(InlineChoices choices) : IAnsweringBlockActionHandler
{
    public string ActionId => InlinePreview.FormActionId;

    public async Task<MessageAck?> AnswerAsync(BlockActionsPayload payload, BlockAction action, SlackContext context, CancellationToken ct) =>
        !InlinePreview.TryReadDraftValue(action.Value, out var draftId) || context.TeamId is not { } workspaceId || context.UserId is not { } userId || context.TriggerId is not { } triggerId
            ? null
            : await choices.OpenFormAsync(workspaceId, draftId, userId, triggerId, ct);
}
