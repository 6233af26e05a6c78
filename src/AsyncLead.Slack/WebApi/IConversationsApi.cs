using AsyncLead.Slack.Payloads;
using System.Runtime.CompilerServices;

namespace AsyncLead.Slack.WebApi;

/// <summary>conversations.*: DMs, channel members, thread replies and channel facts. Listings follow Slack's cursors.</summary>
public interface IConversationsApi
{
    /// <summary>Opens (or finds) the app's DM with a person and returns its channel id.</summary>
    Task<string> OpenDirectMessageAsync(string userId, CancellationToken cancellationToken = default);

    IAsyncEnumerable<string> MembersAsync(string channel, CancellationToken cancellationToken = default);

    /// <summary>
    /// The thread's parent then its replies, from <paramref name="oldest"/> (a message ts) when given. With
    /// <paramref name="includeAllMetadata"/>, messages carry their metadata.
    /// </summary>
    IAsyncEnumerable<SlackMessage> RepliesAsync(string channel, string threadTs, string? oldest = null, bool includeAllMetadata = false,
        CancellationToken cancellationToken = default);

    Task<SlackConversation> InfoAsync(string channel, CancellationToken cancellationToken = default);

    /// <summary>A channel's top-level messages, newest first, back to <paramref name="oldest"/> (a message ts) when given.</summary>
    IAsyncEnumerable<SlackMessage> HistoryAsync(string channel, string? oldest = null, bool includeAllMetadata = false, CancellationToken cancellationToken = default);
}
