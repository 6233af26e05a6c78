using AsyncLead.Features.Members;
using AsyncLead.Slack.BlockKit;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Mrkdwn;
using AsyncLead.Slack.Payloads;
using AsyncLead.Slack.WebApi;

namespace AsyncLead.Features.Home;

/// <summary>"Edit" on the Home tab's working time: the form with the member's working hours and focus blocks.</summary>
public sealed class EditScheduleButton(MemberDirectory directory, ISlackClient slack) : IBlockActionHandler
{
    public string ActionId => HomeTab.EditScheduleActionId;

    public async Task HandleAsync(BlockActionsPayload payload, BlockAction action, SlackContext context, CancellationToken ct)
    {
        if (context.TeamId is { } workspaceId && context.UserId is { } userId && context.TriggerId is { } triggerId)
        {
            var member = await directory.GetAsync(workspaceId, userId, ct);
            await slack.ForWorkspace(workspaceId).Views.OpenAsync(triggerId, ScheduleModal.Build(member.Schedule), ct);
        }
    }
}
