using System.Globalization;
using System.Text.Json.Nodes;
using AsyncLead.Jobs;
using AsyncLead.Slack.Posting;
using AsyncLead.Slack.WebApi;

namespace AsyncLead.Features.Decisions;

/// <summary>Posts the doc in its channel and stores the message ts the moment Slack returns it.</summary>
public sealed class PostDocJob(DecisionStore store, ISlackClient slack, BotChannelMembership membership, TimeProvider clock) : IJobHandler
{
    public string Kind => DecisionJobs.PostDoc;

    public async Task HandleAsync(JobContext job, CancellationToken cancellationToken)
    {
        var snapshot = await store.SnapshotAsync(job.Payload<DecisionJob>().DecisionId, cancellationToken);
        if (snapshot is null || snapshot.Doc.MessageTs is not null)
        {
            return;
        }

        var doc = snapshot.Doc;
        var api = slack.ForWorkspace(doc.WorkspaceId);
        var message = DecisionMessage.Doc(snapshot, clock.GetUtcNow());
        try
        {
            // Slack keeps what we posted even when we died before storing its ts: look for it before posting again.
            var oldest = doc.CreatedAt.AddMinutes(-1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            var earlier = await api.Conversations.HistoryAsync(doc.ChannelId, oldest, includeAllMetadata: true, cancellationToken)
                .FirstOrDefaultAsync(m => IsThisDoc(m, doc.Id), cancellationToken);
            var ts = earlier?.Ts ?? (await api.Chat.PostMessageAsync(new PostMessageRequest(doc.ChannelId, message.Text)
            {
                Blocks = message.Blocks,
                Metadata = new MessageMetadata(DecisionMessage.MetadataType, new JsonObject { ["decision_id"] = doc.Id }),
                UnfurlLinks = false,
            }, cancellationToken)).Ts;
            await store.SetMessageTsAsync(doc, ts, cancellationToken);
        }
        catch (SlackApiException ex) when (ex.Error is "not_in_channel" or "channel_not_found" or "is_archived")
        {
            // Retrying can't help until someone invites the bot; the doc stays saved and the author learns why.
            await membership.RecordAsync(doc.WorkspaceId, doc.ChannelId, isMember: false, cancellationToken);
            await api.Chat.PostMessageAsync(new PostMessageRequest(doc.AuthorId,
                $"I couldn't post {DecisionText.Name(doc)} in <#{doc.ChannelId}> because I'm not in that channel. "
                + "Invite me with `/invite @AsyncLead`; the doc is saved."), cancellationToken);
        }
    }

    private static bool IsThisDoc(SlackMessage message, long decisionId) =>
        message.Metadata is { EventType: DecisionMessage.MetadataType, EventPayload: { } payload }
        && payload["decision_id"]?.ToString() == decisionId.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Brings the doc message up to date with its current state (status line, answers, buttons).</summary>
public sealed class RefreshDocJob(DecisionStore store, ISlackClient slack, TimeProvider clock) : IJobHandler
{
    public string Kind => DecisionJobs.RefreshDoc;

    public async Task HandleAsync(JobContext job, CancellationToken cancellationToken)
    {
        var snapshot = await store.SnapshotAsync(job.Payload<DecisionJob>().DecisionId, cancellationToken);
        if (snapshot?.Doc.MessageTs is not { } ts)
        {
            return; // Not posted yet: the post renders the state as it is then.
        }

        var message = DecisionMessage.Doc(snapshot, clock.GetUtcNow());
        await slack.ForWorkspace(snapshot.Doc.WorkspaceId).Chat.UpdateAsync(
            new UpdateMessageRequest(snapshot.Doc.ChannelId, ts, message.Text) { Blocks = message.Blocks }, cancellationToken);
    }
}

/// <summary>Posts a concern or question in the doc's thread, or updates it once resolved.</summary>
public sealed class SyncConcernJob(DecisionStore store, ISlackClient slack) : IJobHandler
{
    public string Kind => DecisionJobs.SyncConcern;

    public async Task HandleAsync(JobContext job, CancellationToken cancellationToken)
    {
        var payload = job.Payload<ConcernJob>();
        var concern = await store.FindConcernAsync(payload.ConcernId, cancellationToken);
        var doc = await store.FindAsync(payload.DecisionId, cancellationToken);
        if (concern is null || doc is null)
        {
            return;
        }

        var threadTs = doc.MessageTs ?? throw new InvalidOperationException($"{doc.ShortId} is not posted yet; its thread follows the post.");
        var api = slack.ForWorkspace(doc.WorkspaceId);
        var message = DecisionMessage.ConcernReply(doc, concern);
        var key = "concern:" + concern.Id.ToString(CultureInfo.InvariantCulture);
        var ts = concern.MessageTs ?? await ThreadReplies.FindAsync(api, doc, key, cancellationToken);
        if (ts is null)
        {
            var posted = await api.Chat.PostMessageAsync(new PostMessageRequest(doc.ChannelId, message.Text)
            {
                Blocks = message.Blocks,
                ThreadTs = threadTs,
                Metadata = ThreadReplies.Metadata(doc, key),
            }, cancellationToken);
            await store.SetConcernTsAsync(concern.Id, posted.Ts, cancellationToken);
            return;
        }

        await store.SetConcernTsAsync(concern.Id, ts, cancellationToken);
        await api.Chat.UpdateAsync(new UpdateMessageRequest(doc.ChannelId, ts, message.Text) { Blocks = message.Blocks }, cancellationToken);
    }
}

/// <summary>A note in the doc's thread (extension, withdrawal, outcome, decision), posted once even when retried.</summary>
public sealed class ThreadNoteJob(DecisionStore store, ISlackClient slack) : IJobHandler
{
    public string Kind => DecisionJobs.ThreadNote;

    public async Task HandleAsync(JobContext job, CancellationToken cancellationToken)
    {
        var note = job.Payload<ThreadNotePayload>();
        var doc = await store.FindAsync(note.DecisionId, cancellationToken);
        if (doc is null)
        {
            return;
        }

        var threadTs = doc.MessageTs ?? throw new InvalidOperationException($"{doc.ShortId} is not posted yet; its thread follows the post.");
        var api = slack.ForWorkspace(doc.WorkspaceId);
        if (await ThreadReplies.FindAsync(api, doc, note.Key, cancellationToken) is not null)
        {
            return;
        }

        await api.Chat.PostMessageAsync(new PostMessageRequest(doc.ChannelId, note.Mrkdwn)
        {
            ThreadTs = threadTs,
            Metadata = ThreadReplies.Metadata(doc, note.Key),
        }, cancellationToken);
    }
}

/// <summary>Our replies in a doc's thread carry the doc id and a key, so a retried post finds the earlier attempt.</summary>
internal static class ThreadReplies
{
    public static MessageMetadata Metadata(DecisionDoc doc, string key) =>
        new(DecisionMessage.MetadataType, new JsonObject { ["decision_id"] = doc.Id, ["key"] = key });

    public static async Task<string?> FindAsync(ISlackApi api, DecisionDoc doc, string key, CancellationToken ct)
    {
        await foreach (var reply in api.Conversations.RepliesAsync(doc.ChannelId, doc.MessageTs!, includeAllMetadata: true, cancellationToken: ct))
        {
            if (reply.Metadata is { EventType: DecisionMessage.MetadataType, EventPayload: { } payload }
                && payload["key"]?.GetValue<string>() == key)
            {
                return reply.Ts;
            }
        }

        return null;
    }
}
