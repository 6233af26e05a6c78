using AsyncLead.Jobs;
using Npgsql;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>
/// The week closes: its summary goes into the thread. A week nobody was prompted for and nobody wrote in stays silent, and so
/// does a paused or switched-off team's (<see cref="TeamPause"/>, <see cref="TeamSwitchCommand"/>).
/// </summary>
public sealed class CloseWeekJob(UpdateStore updates, TeamStore teams, JobQueue queue, NpgsqlDataSource dataSource, TimeProvider clock) : IJobHandler
{
    public const string JobKind = "weekly.close";

    public string Kind => JobKind;

    public async Task HandleAsync(JobContext job, CancellationToken cancellationToken)
    {
        var payload = job.Payload<Payload>();
        if (await teams.FindAsync(payload.TeamChannelId, cancellationToken) is not { PausedAt: null, Stopped: null }
            || await updates.FindWeekAsync(payload.TeamChannelId, payload.WeekStart, cancellationToken) is not { } week
            || (week.PromptedAt is null && (await updates.UpdatesOfWeekAsync(week.Id, cancellationToken)).Count == 0))
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await UpdateStore.CloseWeekAsync(connection, transaction, week.Id, clock.GetUtcNow(), cancellationToken))
        {
            await queue.EnqueueAsync(connection, transaction, WeeklyJobs.Thread(payload.WorkspaceId, payload.TeamChannelId, week.Id, ThreadPostJob.What.Summary), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public sealed record Payload(long TeamChannelId, DateOnly WeekStart, string WorkspaceId);
}
