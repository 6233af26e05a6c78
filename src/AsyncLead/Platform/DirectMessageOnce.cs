using System.Globalization;
using AsyncLead.Jobs;
using AsyncLead.Slack.WebApi;

namespace AsyncLead.Platform;

/// <summary>
/// A DM that reaches its person once even when its job runs again because the worker died between Slack's answer and
/// finishing the job: the message carries our id in its metadata, and a run that is not the job's first looks for it
/// in the conversation before posting. The first run costs no extra Slack call.
/// </summary>
public static class DirectMessageOnce
{
    /// <param name="message">To a person's id, with the <see cref="PostMessageRequest.Metadata"/> it is found by.</param>
    /// <param name="notBefore">No earlier run of this job can have posted before this instant (leave margin for clock skew).</param>
    public static async Task PostOnceAsync(this ISlackApi api, JobContext job, PostMessageRequest message, DateTimeOffset notBefore, CancellationToken ct)
    {
        var metadata = message.Metadata ?? throw new ArgumentException("A DM posted once needs metadata to be found again by.", nameof(message));
        if (job.Attempt > 1 && await AlreadyPostedAsync(api, message.Channel, metadata, notBefore, ct))
        {
            return;
        }

        await api.Chat.PostMessageAsync(message, ct);
    }

    private static async Task<bool> AlreadyPostedAsync(ISlackApi api, string userId, MessageMetadata metadata, DateTimeOffset notBefore, CancellationToken ct)
    {
        var conversation = await api.Conversations.OpenDirectMessageAsync(userId, ct);
        var oldest = notBefore.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return await api.Conversations.HistoryAsync(conversation, oldest, includeAllMetadata: true, ct)
            .AnyAsync(m => m.Metadata?.EventType == metadata.EventType
                && metadata.EventPayload.All(pair => m.Metadata.EventPayload?[pair.Key]?.ToString() == pair.Value?.ToString()), ct);
    }
}
