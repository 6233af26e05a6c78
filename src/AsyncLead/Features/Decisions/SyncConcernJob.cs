using System.Globalization;
using AsyncLead.Jobs;
using AsyncLead.Slack.Posting;
using AsyncLead.Slack.WebApi;

namespace AsyncLead.Features.Decisions;

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
