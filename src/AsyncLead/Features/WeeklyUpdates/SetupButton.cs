using AsyncLead.Features.Members;
using AsyncLead.Outbox;
using AsyncLead.Slack.BlockKit;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;
using AsyncLead.Slack.Posting;
using AsyncLead.Slack.WebApi;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>
/// "Set up weekly updates here", offered when <c>/weekly-update</c> runs in a channel with no team: opens setup for
/// that channel with good defaults (Monday's prompt, Friday's close, in the clicker's own time zone), or the current
/// settings if someone set it up meanwhile. Block actions are acked before this runs, so asking Slack here is fine.
/// </summary>
public sealed class SetupButton(TeamStore teams, MemberDirectory directory, BotChannelMembership membership, Notices notices, ISlackClient slack)
    : IBlockActionHandler
{
    public const string ActionIdValue = "weekly_open_setup";

    public string ActionId => ActionIdValue;

    public static MessageAck Offer(string text) =>
        SlackAck.Ephemeral(text,
        [
            Blocks.Section(text),
            Blocks.Actions(new ButtonElement(ActionIdValue, new PlainText(WeeklyTexts.SetUpHere)) { Style = ButtonStyle.Primary }),
        ]);

    public async Task HandleAsync(BlockActionsPayload payload, BlockAction action, SlackContext context, CancellationToken ct)
    {
        if (context.TeamId is not { } workspaceId || context.UserId is not { } userId || context.TriggerId is not { } triggerId
            || (payload.Container?.ChannelId ?? payload.Channel?.Id) is not { } channelId)
        {
            return;
        }

        if (!await membership.IsMemberAsync(workspaceId, channelId, ct))
        {
            await notices.TellAsync(context, WeeklyTexts.InviteMe, ct);
            return;
        }

        var existing = await teams.FindByChannelAsync(workspaceId, channelId, ct);
        var team = existing ?? SetupModal.Defaults(workspaceId, channelId, payload.Channel?.Name ?? channelId, userId,
            (await directory.GetAsync(workspaceId, userId, ct)).Schedule.TimeZoneId);
        await slack.ForWorkspace(workspaceId).Views.OpenAsync(triggerId, await SetupModal.ForAsync(slack, team, existing is not null, userId, ct), ct);
    }
}
