using AsyncLead.Features.Members;
using AsyncLead.Jobs;
using AsyncLead.Slack.Posting;
using AsyncLead.Slack.WebApi;

namespace AsyncLead.Features.Decisions;

/// <summary>Two weeks after the deadline a doc nobody decided lapses: a note in its thread, and off the open list.</summary>
public sealed class LapseJob(DecisionStore store) : IJobHandler
{
    public string Kind => DecisionJobs.Lapse;

    public Task HandleAsync(JobContext job, CancellationToken cancellationToken) =>
        store.LapseAsync(job.Payload<DecisionJob>().DecisionId, DecisionText.Lapsed, cancellationToken);
}
