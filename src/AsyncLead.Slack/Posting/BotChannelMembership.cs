using System.Collections.Concurrent;
using AsyncLead.Slack.WebApi;

namespace AsyncLead.Slack.Posting;

/// <summary>
/// Whether the bot is in a channel, asked before a form opens so nobody writes into a channel the bot can't post in.
/// A yes is remembered for a few minutes so the ack path makes one Slack call (views.open), not two; a stale yes costs
/// little, as a post that finds the bot gone keeps the update and tells its author. A no is never remembered: someone
/// who has just invited the bot can try again at once.
/// </summary>
public sealed class BotChannelMembership(ISlackClient slack, TimeProvider clock)
{
    public static readonly TimeSpan RememberYesFor = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<(string Workspace, string Channel), DateTimeOffset> knownYesUntil = new();

    /// <summary>What is known without asking Slack, for the ack path: true (a yes remembered), or null (ask after the ack).</summary>
    public bool? Known(string workspaceId, string channelId) =>
        knownYesUntil.TryGetValue((workspaceId, channelId), out var until) && clock.GetUtcNow() < until ? true : null;

    /// <summary>True when the bot is in the channel and it is not archived (or it is a DM with the bot); Slack's errors other than "channel gone" propagate.</summary>
    public async Task<bool> IsMemberAsync(string workspaceId, string channelId, CancellationToken ct)
    {
        var key = (workspaceId, channelId);
        if (Known(workspaceId, channelId) is true)
        {
            return true;
        }

        try
        {
            var channel = await slack.ForWorkspace(workspaceId).Conversations.InfoAsync(channelId, ct);
            if ((channel.IsMember && !channel.IsArchived) || channel.IsIm)
            {
                knownYesUntil[key] = clock.GetUtcNow() + RememberYesFor;
                return true;
            }
        }
        catch (SlackApiException ex) when (ex.IsChannelGone())
        {
            // A private channel the bot isn't in looks like no channel at all.
        }

        Forget(workspaceId, channelId);
        return false;
    }

    /// <summary>A post found the bot gone: ask Slack again next time.</summary>
    public void Forget(string workspaceId, string channelId) => knownYesUntil.TryRemove((workspaceId, channelId), out _);
}
