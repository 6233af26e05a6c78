using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>"This week": the week being written now, instead of the closed one offered. See <see cref="LateFiling"/>.</summary>
public sealed class FileThisWeekButton(LateFiling filing) : IAnsweringBlockActionHandler
{
    public string ActionId => LateFiling.ThisWeekActionId;

    public Task<MessageAck?> AnswerAsync(BlockActionsPayload payload, BlockAction action, SlackContext context, CancellationToken ct) =>
        filing.ChooseAsync(action, context, ct);
}
