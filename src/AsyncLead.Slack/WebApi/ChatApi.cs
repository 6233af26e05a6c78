using System.Text.Json;
using System.Text.Json.Nodes;
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

/// <summary><see cref="Text"/> is required: it is the notification and screen-reader fallback for <see cref="Blocks"/>.</summary>
public sealed record PostMessageRequest(string Channel, string Text)
{
    public IReadOnlyList<Block>? Blocks { get; init; }

    /// <summary>Posts as a reply in this thread.</summary>
    public string? ThreadTs { get; init; }

    public MessageMetadata? Metadata { get; init; }

    public bool? UnfurlLinks { get; init; }

    public bool? UnfurlMedia { get; init; }
}

public sealed record UpdateMessageRequest(string Channel, string Ts, string Text)
{
    public IReadOnlyList<Block>? Blocks { get; init; }

    public MessageMetadata? Metadata { get; init; }
}

/// <summary>A message only <see cref="User"/> sees, in <see cref="Channel"/>.</summary>
public sealed record EphemeralMessageRequest(string Channel, string User, string Text)
{
    public IReadOnlyList<Block>? Blocks { get; init; }

    public string? ThreadTs { get; init; }
}

/// <summary>Data carried invisibly on a message (e.g. our own id, so a retried post can find its earlier attempt).</summary>
/// <summary>Sent with every post; read back, <see cref="EventPayload"/> may be absent on other apps' messages.</summary>
public sealed record MessageMetadata(string EventType, JsonObject? EventPayload);

/// <summary>Where a message landed: store <see cref="Ts"/> at once, it is the message's id.</summary>
public sealed record PostedMessage(string Channel, string Ts);

internal sealed class ChatApi(SlackCaller slack) : IChatApi
{
    public Task<PostedMessage> PostMessageAsync(PostMessageRequest message, CancellationToken cancellationToken = default) =>
        slack.JsonAsync<PostedMessage>(
            "chat.postMessage",
            message with { Text = BlockKitLimits.FitMessageText(message.Text), Blocks = Fit(message.Blocks) },
            cancellationToken);

    public Task<PostedMessage> UpdateAsync(UpdateMessageRequest message, CancellationToken cancellationToken = default) =>
        slack.JsonAsync<PostedMessage>(
            "chat.update",
            message with { Text = BlockKitLimits.FitMessageText(message.Text), Blocks = Fit(message.Blocks) },
            cancellationToken);

    public Task DeleteAsync(string channel, string ts, CancellationToken cancellationToken = default) =>
        slack.JsonAsync<JsonElement>("chat.delete", new { channel, ts }, cancellationToken);

    public async Task<string> PostEphemeralAsync(EphemeralMessageRequest message, CancellationToken cancellationToken = default)
    {
        var posted = await slack.JsonAsync<EphemeralAnswer>(
            "chat.postEphemeral",
            message with { Text = BlockKitLimits.FitMessageText(message.Text), Blocks = Fit(message.Blocks) },
            cancellationToken);
        return posted.MessageTs;
    }

    public async Task<Uri> GetPermalinkAsync(string channel, string messageTs, CancellationToken cancellationToken = default)
    {
        var link = await slack.FormAsync<PermalinkAnswer>("chat.getPermalink", cancellationToken, ("channel", channel), ("message_ts", messageTs));
        return link.Permalink;
    }

    private static IReadOnlyList<Block>? Fit(IReadOnlyList<Block>? blocks) => blocks is null ? null : BlockKitLimits.FitMessage(blocks);

    private sealed record EphemeralAnswer(string MessageTs);

    private sealed record PermalinkAnswer(Uri Permalink);
}
