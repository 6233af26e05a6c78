using System.Globalization;
using System.Text.Json.Nodes;
using AsyncLead.Features.Members;
using AsyncLead.Jobs;
using AsyncLead.Slack.Posting;
using AsyncLead.Slack.WebApi;

namespace AsyncLead.Features.Decisions;

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
