using AsyncLead.Slack.WebApi;

namespace AsyncLead.Slack.Posting;

/// <summary>
/// The app's durable record of which channels the bot is in, shared by every replica. Kept fresh by events
/// (<see cref="BotChannelEvents"/>, <c>member_joined_channel</c>) and by what Slack says when asked or posted to.
/// </summary>
public interface IBotChannelStore
{
    /// <summary>True or false as last learned; null when never learned (or forgotten).</summary>
    Task<bool?> FindAsync(string workspaceId, string channelId, CancellationToken ct);

    Task RecordAsync(string workspaceId, string channelId, bool isMember, CancellationToken ct);

    Task ForgetAsync(string workspaceId, string channelId, CancellationToken ct);
}
