using AsyncLead.Jobs;
using AsyncLead.Outbox;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;
using AsyncLead.Slack.Posting;

namespace AsyncLead.Features.Members;

/// <summary>Someone left or was removed from a channel the bot is in: what comes from it is hidden from them at once.</summary>
public sealed class MemberLeftChannelHandler(ChannelAccess access, BotChannelMembership membership) : ISlackEventHandler
{
    public string EventType => "member_left_channel";

    public async Task HandleAsync(EventCallbackPayload callback, SlackContext context, CancellationToken ct)
    {
        if (callback.Event is ChannelMemberEvent left && (left.Team ?? context.TeamId ?? callback.TeamId) is { } workspace)
        {
            if (MemberJoinedChannelHandler.IsTheBot(callback, left.User))
            {
                await membership.RecordAsync(workspace, left.Channel, isMember: false, ct);
            }

            await access.LeftAsync(workspace, left.Channel, left.User, ct);
        }
    }
}
