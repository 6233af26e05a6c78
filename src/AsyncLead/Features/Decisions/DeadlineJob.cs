using AsyncLead.Features.Members;
using AsyncLead.Jobs;
using AsyncLead.Slack.Posting;
using AsyncLead.Slack.WebApi;

namespace AsyncLead.Features.Decisions;

/// <summary>
/// At the deadline responses close, the outcome goes to the thread and the author. Who is away counts as of now, so
/// the reviewers who haven't answered are looked up first (Slack is asked when what we know is a day old).
/// </summary>
public sealed class DeadlineJob(DecisionStore store, MemberDirectory members) : IJobHandler
{
    public string Kind => DecisionJobs.Deadline;

    public async Task HandleAsync(JobContext job, CancellationToken cancellationToken)
    {
        var id = job.Payload<DecisionJob>().DecisionId;
        if (await store.SnapshotAsync(id, cancellationToken) is { Doc.State: DecisionStatus.Open } snapshot)
        {
            foreach (var reviewer in snapshot.Tally.NonResponders.Concat(snapshot.Tally.Excused))
            {
                await members.GetAsync(snapshot.Doc.WorkspaceId, reviewer, cancellationToken);
            }
        }

        await store.CloseAsync(id, closed => (DecisionText.Outcome(closed), DecisionText.OutcomeForAuthor(closed)), cancellationToken);
    }
}
