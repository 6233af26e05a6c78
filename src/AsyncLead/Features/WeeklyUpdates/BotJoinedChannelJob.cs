using AsyncLead.Jobs;
using AsyncLead.Outbox;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>Unpauses the team of a channel the bot was invited back into (<see cref="BotJoinedChannel"/>).</summary>
public sealed class BotJoinedChannelJob(TeamStore teams) : IJobHandler
{
    public string Kind => BotJoinedChannel.JobKind;

    public Task HandleAsync(JobContext job, CancellationToken cancellationToken)
    {
        var payload = job.Payload<BotJoinedChannel.Payload>();
        return teams.UnpauseAsync(payload.WorkspaceId, payload.ChannelId, cancellationToken);
    }
}
