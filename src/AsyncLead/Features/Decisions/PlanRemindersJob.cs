using AsyncLead.Features.Members;
using AsyncLead.Jobs;
using AsyncLead.Slack.Posting;
using AsyncLead.Slack.WebApi;

namespace AsyncLead.Features.Decisions;

/// <summary>
/// Plans each waiting reviewer's reminders in their own working hours (never after the deadline). Runs as a job so
/// that looking up reviewers' time zones (and Slack statuses) never holds up the form's submit; when what it learns
/// shows someone excused as away, the doc message is brought up to date.
/// </summary>
public sealed class PlanRemindersJob(DecisionStore store, MemberDirectory members, JobQueue jobs, TimeProvider clock) : IJobHandler
{
    public string Kind => DecisionJobs.PlanReminders;

    public async Task HandleAsync(JobContext job, CancellationToken cancellationToken)
    {
        var snapshot = await store.SnapshotAsync(job.Payload<DecisionJob>().DecisionId, cancellationToken);
        if (snapshot?.Doc.State is not DecisionStatus.Open)
        {
            return;
        }

        var doc = snapshot.Doc;
        var now = clock.GetUtcNow();
        foreach (var reviewerId in snapshot.Tally.NonResponders.Concat(snapshot.Tally.Excused))
        {
            var reviewer = await members.GetAsync(doc.WorkspaceId, reviewerId, cancellationToken);
            // An excused reviewer's reminders are planned too: they go out only if they come back (RemindJob checks).
            foreach (var reminder in DecisionSchedule.PlanReminders(doc.Deadline, now, reviewer.Schedule))
            {
                await jobs.EnqueueAsync(DecisionJobs.RemindRequest(doc.WorkspaceId, doc.Id, reviewerId, reminder), cancellationToken);
            }
        }

        // Other jobs (a Home tab) may have learned the same statuses first, so the message may predate them: any excused
        // reviewer is worth one update.
        if (await store.SnapshotAsync(doc.Id, cancellationToken) is { Tally.Excused.Count: > 0 })
        {
            await jobs.EnqueueAsync(DecisionJobs.RefreshDocRequest(doc.WorkspaceId, doc.Id), cancellationToken);
        }
    }
}
