using System.Globalization;
using System.Text.Json.Nodes;
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

/// <summary>
/// DMs a reviewer, after checking at run time that they still haven't answered; once however often the job runs
/// (<see cref="SlackPoster"/>).
/// </summary>
public sealed class RemindJob(DecisionStore store, ISlackClient slack, SlackPoster poster, TimeProvider clock) : IJobHandler
{
    public const string ReminderEvent = "asynclead_decision_reminder";

    public string Kind => DecisionJobs.Remind;

    public async Task HandleAsync(JobContext job, CancellationToken cancellationToken)
    {
        var payload = job.Payload<ReminderJob>();
        var snapshot = await store.SnapshotAsync(payload.DecisionId, cancellationToken);
        if (snapshot is null
            || snapshot.Doc.State != DecisionStatus.Open
            || snapshot.Doc.Deadline <= clock.GetUtcNow()
            || !snapshot.Tally.NonResponders.Contains(payload.ReviewerId))
        {
            return;
        }

        // The reminder's own job id tells its DM apart from the doc's other reminders to the same reviewer.
        var metadata = new MessageMetadata(ReminderEvent, new JsonObject { ["reminder_job_id"] = job.Id.ToString(CultureInfo.InvariantCulture) });
        await poster.PostOnceAsync(slack.ForWorkspace(snapshot.Doc.WorkspaceId), $"decision-reminder:{job.Id}",
            new PostMessageRequest(payload.ReviewerId, DecisionText.Reminder(snapshot.Doc)) { Metadata = metadata }, cancellationToken);
    }
}

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

/// <summary>
/// Reminds the author, on a working morning after the deadline, to record the decision of a doc still closed and
/// undecided; once per reminder however often the job runs (<see cref="SlackPoster"/>).
/// </summary>
public sealed class RemindToDecideJob(DecisionStore store, ISlackClient slack, SlackPoster poster) : IJobHandler
{
    public string Kind => DecisionJobs.RemindToDecide;

    public async Task HandleAsync(JobContext job, CancellationToken cancellationToken)
    {
        var doc = await store.FindAsync(job.Payload<DecisionJob>().DecisionId, cancellationToken);
        if (doc?.State != DecisionStatus.Closed)
        {
            return;
        }

        var metadata = new MessageMetadata(RemindJob.ReminderEvent, new JsonObject { ["reminder_job_id"] = job.Id.ToString(CultureInfo.InvariantCulture) });
        await poster.PostOnceAsync(slack.ForWorkspace(doc.WorkspaceId), $"decision-decide-reminder:{job.Id}",
            new PostMessageRequest(doc.AuthorId, DecisionText.DecideReminder(doc)) { Metadata = metadata }, cancellationToken);
    }
}

/// <summary>Two weeks after the deadline a doc nobody decided lapses: a note in its thread, and off the open list.</summary>
public sealed class LapseJob(DecisionStore store) : IJobHandler
{
    public string Kind => DecisionJobs.Lapse;

    public Task HandleAsync(JobContext job, CancellationToken cancellationToken) =>
        store.LapseAsync(job.Payload<DecisionJob>().DecisionId, DecisionText.Lapsed, cancellationToken);
}
