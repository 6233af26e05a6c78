using AsyncLead.Jobs;
using AsyncLead.Slack.Posting;
using AsyncLead.Slack.WebApi;

namespace AsyncLead.Features.Decisions;

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
