using System.Text.Json;
using AsyncLead.Slack.BlockKit;

namespace AsyncLead.Slack.WebApi;

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
