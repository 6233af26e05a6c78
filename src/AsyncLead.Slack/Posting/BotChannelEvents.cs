using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;

namespace AsyncLead.Slack.Posting;

/// <summary>
/// Events Slack sends the bot about its own channels (subscribed in the app manifest), each keeping
/// <see cref="BotChannelMembership"/> true to Slack: removed from a channel or the channel archived means not a member;
/// unarchived means ask again. The bot joining arrives as <c>member_joined_channel</c>, which the app handles.
/// </summary>
public abstract class BotChannelEvents(BotChannelMembership membership, string eventType, bool? isMember) : ISlackEventHandler
{
    public string EventType => eventType;

    public Task HandleAsync(EventCallbackPayload callback, SlackContext context, CancellationToken ct)
    {
        if (callback.Event is not ChannelEvent { Channel: { Length: > 0 } channel } || (context.TeamId ?? callback.TeamId) is not { } workspace)
        {
            return Task.CompletedTask;
        }

        return isMember is { } known ? membership.RecordAsync(workspace, channel, known, ct) : membership.ForgetAsync(workspace, channel, ct);
    }
}
