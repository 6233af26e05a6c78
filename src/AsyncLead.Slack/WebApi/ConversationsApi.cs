using AsyncLead.Slack.Payloads;
using System.Runtime.CompilerServices;

namespace AsyncLead.Slack.WebApi;

internal sealed class ConversationsApi(SlackCaller slack) : IConversationsApi
{
    // Slack suggests no more than 200 per page.
    private const string PageSize = "200";

    // Since 2025 Slack serves apps outside its Marketplace at most 15 messages a page (and a page a minute) from
    // conversations.history and .replies; asking for more gets 15 anyway, so the cursor is followed from the start.
    private const string MessagePageSize = "15";

    public async Task<string> OpenDirectMessageAsync(string userId, CancellationToken cancellationToken = default) =>
        (await slack.JsonAsync<ChannelAnswer>("conversations.open", new { users = userId }, cancellationToken)).Channel.Id;

    public async IAsyncEnumerable<string> MembersAsync(string channel, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? cursor = null;
        do
        {
            var page = await slack.FormAsync<MembersPage>(
                "conversations.members", cancellationToken, ("channel", channel), ("limit", PageSize), ("cursor", cursor));
            foreach (var member in page.Members)
            {
                yield return member;
            }

            cursor = page.ResponseMetadata?.NextCursor;
        }
        while (!string.IsNullOrEmpty(cursor));
    }

    public IAsyncEnumerable<SlackMessage> RepliesAsync(string channel, string threadTs, string? oldest = null, bool includeAllMetadata = false,
        CancellationToken cancellationToken = default) =>
        MessagesAsync("conversations.replies", threadTs, channel, oldest, includeAllMetadata, cancellationToken);

    public IAsyncEnumerable<SlackMessage> HistoryAsync(
        string channel, string? oldest = null, bool includeAllMetadata = false, CancellationToken cancellationToken = default) =>
        MessagesAsync("conversations.history", null, channel, oldest, includeAllMetadata, cancellationToken);

    /// <summary>replies and history page the same way; replies also names its thread.</summary>
    private async IAsyncEnumerable<SlackMessage> MessagesAsync(string method, string? threadTs, string channel,
        string? oldest, bool includeAllMetadata, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? cursor = null;
        do
        {
            var page = await slack.FormAsync<MessagesPage>(
                method,
                cancellationToken,
                ("channel", channel),
                ("ts", threadTs),
                ("oldest", oldest),
                ("limit", MessagePageSize),
                ("include_all_metadata", includeAllMetadata ? "true" : null),
                ("cursor", cursor));
            foreach (var message in page.Messages)
            {
                yield return message;
            }

            cursor = page.ResponseMetadata?.NextCursor;
        }
        while (!string.IsNullOrEmpty(cursor));
    }

    public async Task<SlackConversation> InfoAsync(string channel, CancellationToken cancellationToken = default) =>
        (await slack.FormAsync<ConversationAnswer>("conversations.info", cancellationToken, ("channel", channel))).Channel;

    private sealed record ChannelAnswer(ChannelId Channel);

    private sealed record ChannelId(string Id);

    private sealed record ConversationAnswer(SlackConversation Channel);

    private sealed record MembersPage(IReadOnlyList<string> Members, PageCursor? ResponseMetadata);

    private sealed record MessagesPage(IReadOnlyList<SlackMessage> Messages, PageCursor? ResponseMetadata);

    private sealed record PageCursor(string? NextCursor);
}
