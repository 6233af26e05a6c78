using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>"File it for last week (marked late)": the closed week it offered. See <see cref="LateFiling"/>.</summary>
public sealed class FileLateButton(LateFiling filing) : IBlockActionHandler
{
    public string ActionId => LateFiling.LateActionId;

    public Task HandleAsync(BlockActionsPayload payload, BlockAction action, SlackContext context, CancellationToken ct) =>
        filing.ChooseAsync(action, context, ct);
}
