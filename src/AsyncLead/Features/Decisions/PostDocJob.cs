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
