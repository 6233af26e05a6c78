using System.Globalization;
using System.Text.Json.Nodes;
using AsyncLead.Features.Members;
using AsyncLead.Jobs;
using AsyncLead.Slack.Posting;
using AsyncLead.Slack.WebApi;

namespace AsyncLead.Features.Decisions;

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
