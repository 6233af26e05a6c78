using System.Globalization;
using System.Text.Json.Nodes;
using AsyncLead.Jobs;
using AsyncLead.Slack.Posting;
using AsyncLead.Slack.WebApi;

namespace AsyncLead.Features.Decisions;

/// <summary>Posts the doc in its channel, once (<see cref="SlackPoster"/>), and stores where it landed.</summary>
public sealed class PostDocJob(DecisionStore store, ISlackClient slack, SlackPoster poster, BotChannelMembership membership, TimeProvider clock) : IJobHandler
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
            var posted = await poster.PostOnceAsync(api, $"decision:{doc.Id}", new PostMessageRequest(doc.ChannelId, message.Text)
            {
                Blocks = message.Blocks,
                Metadata = new MessageMetadata(DecisionMessage.MetadataType, new JsonObject { ["decision_id"] = doc.Id }),
                UnfurlLinks = false,
            }, cancellationToken);
            await store.SetMessageTsAsync(doc, posted.Ts, cancellationToken);
        }
        catch (SlackApiException ex) when (ex.IsChannelGone())
        {
            // Retrying can't help until someone invites the bot; the doc stays saved and the author learns why.
            await membership.RecordAsync(doc.WorkspaceId, doc.ChannelId, isMember: false, cancellationToken);
            await poster.PostOnceAsync(api, $"decision:{doc.Id}:not-posted", new PostMessageRequest(doc.AuthorId,
                $"I couldn't post {DecisionText.Name(doc)} in <#{doc.ChannelId}> because I'm not in that channel. "
                + "Invite me with `/invite @AsyncLead`; the doc is saved."), cancellationToken);
        }
    }
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

/// <summary>Posts a concern or question in the doc's thread (once), or updates it once resolved.</summary>
public sealed class SyncConcernJob(DecisionStore store, ISlackClient slack, SlackPoster poster) : IJobHandler
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
        var ts = concern.MessageTs;
        if (ts is null)
        {
            var posted = await poster.PostOnceAsync(api, ThreadReplies.PostKey(doc, key), new PostMessageRequest(doc.ChannelId, message.Text)
            {
                Blocks = message.Blocks,
                ThreadTs = threadTs,
                Metadata = ThreadReplies.Metadata(doc, key),
            }, cancellationToken);
            await store.SetConcernTsAsync(concern.Id, posted.Ts, cancellationToken);
            if (!posted.Earlier)
            {
                return;
            }

            ts = posted.Ts;
        }

        await api.Chat.UpdateAsync(new UpdateMessageRequest(doc.ChannelId, ts, message.Text) { Blocks = message.Blocks }, cancellationToken);
    }
}

/// <summary>A note in the doc's thread (extension, withdrawal, outcome, decision), posted once however often the job runs.</summary>
public sealed class ThreadNoteJob(DecisionStore store, ISlackClient slack, SlackPoster poster) : IJobHandler
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
        await poster.PostOnceAsync(slack.ForWorkspace(doc.WorkspaceId), ThreadReplies.PostKey(doc, note.Key), new PostMessageRequest(doc.ChannelId, note.Mrkdwn)
        {
            ThreadTs = threadTs,
            Metadata = ThreadReplies.Metadata(doc, note.Key),
        }, cancellationToken);
    }
}

/// <summary>Our replies in a doc's thread carry the doc id and a key of their own within the doc.</summary>
internal static class ThreadReplies
{
    public static MessageMetadata Metadata(DecisionDoc doc, string key) =>
        new(DecisionMessage.MetadataType, new JsonObject { ["decision_id"] = doc.Id, ["key"] = key });

    /// <summary>The reply's key among the workspace's posts (<see cref="SlackPoster"/>).</summary>
    public static string PostKey(DecisionDoc doc, string key) => $"decision:{doc.Id}:{key}";
}
