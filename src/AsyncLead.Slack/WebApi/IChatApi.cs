using AsyncLead.Slack.BlockKit;

namespace AsyncLead.Slack.WebApi;

/// <summary>chat.*: messages in channels, threads and DMs. Blocks and text are fitted to Slack's limits on the way out.</summary>
public interface IChatApi
{
    Task<PostedMessage> PostMessageAsync(PostMessageRequest message, CancellationToken cancellationToken = default);

    Task<PostedMessage> UpdateAsync(UpdateMessageRequest message, CancellationToken cancellationToken = default);

    Task DeleteAsync(string channel, string ts, CancellationToken cancellationToken = default);

    /// <summary>Returns the ephemeral message's <c>message_ts</c>.</summary>
    Task<string> PostEphemeralAsync(EphemeralMessageRequest message, CancellationToken cancellationToken = default);

    Task<Uri> GetPermalinkAsync(string channel, string messageTs, CancellationToken cancellationToken = default);
}
