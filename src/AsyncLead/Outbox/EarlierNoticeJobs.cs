using AsyncLead.Jobs;

namespace AsyncLead.Outbox;

/// <summary>
/// The decision feature's two notice kinds from before notices had one home. Nothing enqueues them any more; they are
/// still handled so jobs of them pending in a database (or enqueued by an older replica during a rolling deploy) are
/// delivered as notices. Remove once no database can hold them.
/// </summary>
public static class EarlierNoticeJobs
{
    public sealed class DirectMessage(NoticeJob notices) : IJobHandler
    {
        public string Kind => "decisions.direct-message";

        public Task HandleAsync(JobContext job, CancellationToken cancellationToken)
        {
            var earlier = job.Payload<Payload>();
            return notices.DeliverAsync(job, new Notice(earlier.WorkspaceId, earlier.UserId, earlier.Mrkdwn), cancellationToken);
        }
    }

    public sealed class Ephemeral(NoticeJob notices) : IJobHandler
    {
        public string Kind => "decisions.ephemeral";

        public Task HandleAsync(JobContext job, CancellationToken cancellationToken)
        {
            var earlier = job.Payload<Payload>();
            return notices.DeliverAsync(job, new Notice(earlier.WorkspaceId, earlier.UserId, earlier.Mrkdwn) { Channel = earlier.ChannelId }, cancellationToken);
        }
    }

    public sealed record Payload(string WorkspaceId, string UserId, string Mrkdwn, string? ChannelId);
}
