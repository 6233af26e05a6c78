using AsyncLead.Features.Members;
using AsyncLead.Features.WeeklyUpdates;
using AsyncLead.Jobs;
using Npgsql;

namespace AsyncLead.Features.Digest;

/// <summary>Where a recipient's next digest of a team goes: their chosen time in their own zone, and the week it reports.</summary>
public sealed class DigestPlanner(DigestStore store, MemberDirectory directory)
{
    /// <returns>The send job of the recipient's next digest after <paramref name="after"/>, or null when their digest is off or they left Slack.</returns>
    public async Task<JobRequest?> NextSendAsync(TeamChannel team, string userId, DateTimeOffset after, CancellationToken ct)
    {
        var preference = await store.PreferenceAsync(team.WorkspaceId, userId, ct);
        if (preference.IsOff)
        {
            return null;
        }

        var member = await directory.GetAsync(team.WorkspaceId, userId, ct);
        if (!member.IsHuman)
        {
            return null;
        }

        var at = DigestSchedule.NextAt(preference.Time, member.Schedule.TimeZoneId, after);
        return DigestJobs.Send(team.WorkspaceId, team.Id, userId, DigestSchedule.ReportedWeek(team.Calendar, at).Monday, at);
    }
}

/// <summary>
/// Places a team's next digests after its setup or a recipient's preference changed: the sends already planned are
/// cancelled together and each current recipient's next one is enqueued, so a removed recipient hears nothing more
/// and a new time takes effect. Zones are looked up here, off the ack path.
/// </summary>
public sealed class DigestPlanJob(TeamStore teams, DigestPlanner planner, JobQueue queue, NpgsqlDataSource dataSource, TimeProvider clock) : IJobHandler
{
    public string Kind => DigestJobs.PlanKind;

    public async Task HandleAsync(JobContext job, CancellationToken cancellationToken)
    {
        if (await teams.FindAsync(job.Payload<Payload>().TeamChannelId, cancellationToken) is not { } team)
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

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await queue.CancelScopeAsync(connection, transaction, DigestJobs.TeamScope(team.WorkspaceId, team.Id), cancellationToken);
        foreach (var send in sends)
        {
            await queue.EnqueueAsync(connection, transaction, send, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public sealed record Payload(long TeamChannelId);
}
