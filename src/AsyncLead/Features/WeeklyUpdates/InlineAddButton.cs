using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>"Add to it" on the question a second inline update of the week gets: the update keeps everything and gains its new lines.</summary>
public sealed class InlineAddButton(InlineChoices choices) : IAnsweringBlockActionHandler
{
    public string ActionId => InlineQuestion.AddActionId;

    public async Task<MessageAck?> AnswerAsync(BlockActionsPayload payload, BlockAction action, SlackContext context, CancellationToken ct) =>
        !InlineQuestion.TryReadValue(action.Value, out var draftId, out var version) || context.TeamId is not { } workspaceId
            || context.UserId is not { } userId
            ? null
            : await choices.SettleAsync(workspaceId, draftId, version, userId, replace: false, ct);
}
