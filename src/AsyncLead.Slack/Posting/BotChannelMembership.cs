using AsyncLead.Slack.WebApi;

namespace AsyncLead.Slack.Posting;

/// <summary>
/// Whether the bot is in a channel, asked before a form opens so nobody writes into a channel the bot can't post in.
/// The ack path only reads what is known (<see cref="KnownAsync"/>); Slack is asked after the ack, on first sight, and
/// the answer is kept until an event or a failed post says otherwise.
/// </summary>
public sealed class BotChannelMembership(ISlackClient slack, IBotChannelStore store)
{
    /// <summary>What is known without asking Slack, for the ack path: true, false, or null (never learned).</summary>
    public Task<bool?> KnownAsync(string workspaceId, string channelId, CancellationToken ct) => store.FindAsync(workspaceId, channelId, ct);

    /// <summary>
    /// Asks Slack and records the answer: true when the bot is in the channel and it is not archived (or it is a DM with
    /// the bot); Slack's errors other than "channel gone" propagate.
    /// </summary>
    public async Task<bool> LearnAsync(string workspaceId, string channelId, CancellationToken ct)
    {
        bool isMember;
        try
        {
            var channel = await slack.ForWorkspace(workspaceId).Conversations.InfoAsync(channelId, ct);
            isMember = (channel.IsMember && !channel.IsArchived) || channel.IsIm;
        }
        catch (SlackApiException ex) when (ex.IsChannelGone())
        {
            // A private channel the bot isn't in looks like no channel at all.
            isMember = false;
        }

        await store.RecordAsync(workspaceId, channelId, isMember, ct);
        return isMember;
    }

    /// <summary>A yes already known, or else Slack's answer (then recorded): for work after the ack.</summary>
    public async Task<bool> IsMemberAsync(string workspaceId, string channelId, CancellationToken ct) =>
        await KnownAsync(workspaceId, channelId, ct) is true || await LearnAsync(workspaceId, channelId, ct);

    /// <summary>An event said the bot joined (true) or left, was removed, or the channel was archived (false).</summary>
    public Task RecordAsync(string workspaceId, string channelId, bool isMember, CancellationToken ct) =>
        store.RecordAsync(workspaceId, channelId, isMember, ct);

    /// <summary>A post found the bot gone, or the channel came back from the archive: ask Slack again next time.</summary>
    public Task ForgetAsync(string workspaceId, string channelId, CancellationToken ct) => store.ForgetAsync(workspaceId, channelId, ct);
}
