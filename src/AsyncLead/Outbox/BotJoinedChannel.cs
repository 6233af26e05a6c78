using AsyncLead.Jobs;

namespace AsyncLead.Outbox;

/// <summary>
/// The bot was invited (back) into a channel. Written by Members, which sees the event; the weekly feature handles it by
/// unpausing the channel's team (<c>TeamPause</c>).
/// </summary>
public static class BotJoinedChannel
{
    public const string JobKind = "weekly.bot-joined";

    public static JobRequest Request(string workspaceId, string channelId) =>
        new(JobKind, new Payload(workspaceId, channelId)) { Scope = WorkspaceScope.For(workspaceId) };

    public sealed record Payload(string WorkspaceId, string ChannelId);
}
