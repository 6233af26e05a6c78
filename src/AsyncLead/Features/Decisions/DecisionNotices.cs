using AsyncLead.Jobs;
using AsyncLead.Slack.Dispatch;

namespace AsyncLead.Features.Decisions;

/// <summary>Private answers to a click. Sent by a job, so a slow Slack never holds up the ack.</summary>
public sealed class DecisionNotices(JobQueue jobs)
{
    public Task TellAsync(SlackContext context, string mrkdwn, CancellationToken ct) =>
        jobs.EnqueueAsync(DecisionJobs.EphemeralRequest(context.TeamId!, context.ChannelId!, context.UserId!, mrkdwn), ct);
}
