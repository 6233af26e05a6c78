using AsyncLead.Jobs;
using AsyncLead.Slack.Dispatch;

namespace AsyncLead.Features.Decisions;

/// <summary>Private answers to a click. Sent by a job, so a slow Slack never holds up the ack.</summary>
public sealed class DecisionNotices(JobQueue jobs)
{
    public Task TellAsync(SlackContext context, string mrkdwn, CancellationToken ct) =>
        jobs.EnqueueAsync(context.ChannelId is { } channelId
            ? DecisionJobs.EphemeralRequest(context.TeamId!, channelId, context.UserId!, mrkdwn)
            // A click on the Home tab has no channel to answer in: the app's DM instead.
            : DecisionJobs.DirectMessageRequest(context.TeamId!, context.UserId!, mrkdwn), ct);
}
