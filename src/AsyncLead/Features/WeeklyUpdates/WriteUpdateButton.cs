using AsyncLead.Features.Members;
using AsyncLead.Jobs;
using AsyncLead.Outbox;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;
using AsyncLead.Slack.WebApi;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>"Write update" on a prompt or reminder: the form for that button's week (so a late update lands in its own week).</summary>
public sealed class WriteUpdateButton(TeamStore teams, UpdateStore updates, ISlackClient slack) : IBlockActionHandler
{
    public string ActionId => NudgeMessage.WriteActionId;

    public async Task HandleAsync(BlockActionsPayload payload, BlockAction action, SlackContext context, CancellationToken ct)
    {
        if (NudgeMessage.TryReadButtonValue(action.Value, out var teamId, out var week)
            && await teams.FindAsync(teamId, ct) is { } team && team.WorkspaceId == context.TeamId
            && context.UserId is { } userId && context.TriggerId is { } triggerId)
        {
            await WeeklyUpdateCommand.OpenUpdateFormAsync(slack, updates, team, userId, week, triggerId, ct);
        }
    }
}
