using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>"File it for last week (marked late)": the closed week it offered. See <see cref="LateFiling"/>.</summary>
public sealed class FileLateButton(LateFiling filing) : IAnsweringBlockActionHandler
{
    public string ActionId => LateFiling.LateActionId;

    public Task<MessageAck?> AnswerAsync(BlockActionsPayload payload, BlockAction action, SlackContext context, CancellationToken ct) =>
        filing.ChooseAsync(action, context, ct);
}
