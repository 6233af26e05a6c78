using AsyncLead.Features.WeeklyUpdates;
using AsyncLead.Outbox;
using AsyncLead.Jobs;

namespace AsyncLead.Features.Digest;

/// <summary>
/// Places each current recipient's next digest of a team after its setup or a recipient's preference changed. Sends
/// planned earlier are left alone: one for a removed recipient, or at a time the recipient no longer wants, finds out
/// when it runs and sends nothing, while one that is merely overdue (workers were down) still goes out. Zones are
/// looked up here, off the ack path.
/// </summary>
public sealed class DigestPlanJob(TeamStore teams, DigestPlanner planner, JobQueue queue, TimeProvider clock) : IJobHandler
{
    public string Kind => DigestPlan.JobKind;

    public async Task HandleAsync(JobContext job, CancellationToken cancellationToken)
    {
        if (await teams.FindAsync(job.Payload<DigestPlan.Payload>().TeamChannelId, cancellationToken) is not { } team)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var sends = new List<JobRequest>();
        foreach (var recipient in team.DigestRecipients.Distinct(StringComparer.Ordinal))
        {
            if (await planner.NextSendAsync(team, recipient, now, cancellationToken) is { } send)
            {
                sends.Add(send);
            }
        }

        await queue.EnqueueAllAsync(sends, cancellationToken);
    }
}
