using AsyncLead.Jobs;
using AsyncLead.Outbox;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;
using AsyncLead.Slack.Posting;

namespace AsyncLead.Features.Members;

/// <summary>
/// Someone joined a channel the bot is in: they see what comes from it from now on. When that someone is the bot
/// (invited), the membership the ack path reads says so at once, and the channel's paused team runs again
/// (<see cref="BotJoinedChannel"/>).
/// </summary>
public sealed class MemberJoinedChannelHandler(ChannelAccess access, BotChannelMembership membership, JobQueue queue) : ISlackEventHandler
{
    public string EventType => "member_joined_channel";

    public async Task HandleAsync(EventCallbackPayload callback, SlackContext context, CancellationToken ct)
    {
        if (callback.Event is ChannelMemberEvent joined && (joined.Team ?? context.TeamId ?? callback.TeamId) is { } workspace)
        {
            if (IsTheBot(callback, joined.User))
            {
                await membership.RecordAsync(workspace, joined.Channel, isMember: true, ct);
                await queue.EnqueueAsync(BotJoinedChannel.Request(workspace, joined.Channel), ct);
                await access.BotRejoinedAsync(workspace, joined.Channel, ct);
                return;
            }

            await access.JoinedAsync(workspace, joined.Channel, joined.User, ct);
        }
    }

    /// <summary>The event's authorizations name the bot user it was delivered to.</summary>
    internal static bool IsTheBot(EventCallbackPayload callback, string userId) =>
        callback.Authorizations.Any(a => a.IsBot && a.UserId == userId);
}
