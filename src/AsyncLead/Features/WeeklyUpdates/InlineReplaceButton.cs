using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>"Replace it" on the question a second inline update of the week gets: the update becomes just the new one.</summary>
public sealed class InlineReplaceButton(InlineChoices choices) : IAnsweringBlockActionHandler
{
    public string ActionId => InlineQuestion.ReplaceActionId;

    public async Task<MessageAck?> AnswerAsync(BlockActionsPayload payload, BlockAction action, SlackContext context, CancellationToken ct) =>
        !InlineQuestion.TryReadValue(action.Value, out var draftId, out var version) || context.TeamId is not { } workspaceId
            || context.UserId is not { } userId
            ? null
            : await choices.SettleAsync(workspaceId, draftId, version, userId, replace: true, ct);
}
