using AsyncLead.Jobs;
using AsyncLead.Outbox;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;
using AsyncLead.Slack.Posting;

namespace AsyncLead.Features.Members;

/// <summary>Runs <see cref="ChannelAccess.LearnAsync"/> for a channel first seen on a request path.</summary>
public sealed class LearnChannelJob(ChannelAccess access) : IJobHandler
{
    public string Kind => ChannelAccess.LearnJobKind;

    public Task HandleAsync(JobContext job, CancellationToken cancellationToken)
    {
        var payload = job.Payload<ChannelAccess.LearnPayload>();
        return access.LearnAsync(payload.WorkspaceId, payload.ChannelId, cancellationToken);
    }
}
