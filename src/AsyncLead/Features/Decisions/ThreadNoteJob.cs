using AsyncLead.Jobs;
using AsyncLead.Slack.Posting;
using AsyncLead.Slack.WebApi;

namespace AsyncLead.Features.Decisions;

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
