using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AsyncLead.Jobs;

/// <summary>
/// Leases: a claimed job is this worker's while its heartbeat renews <c>locked_at</c> every third of the lease. Every
/// write about a claimed job is fenced on the claim, so a worker whose lease expired (and whose job was rescued and
/// claimed again, which raised attempts) can no longer touch it; a heartbeat that finds the fence gone cancels the run.
/// </summary>
internal sealed partial class JobLease(NpgsqlDataSource dataSource, TimeProvider clock, string workerId, TimeSpan duration, ILogger logger)
{
    /// <summary>The WHERE clause naming one claim: <c>@Id</c>, <c>@Worker</c> and <c>@Attempt</c>.</summary>
    public const string Fence = "id = @Id AND state = 'running' AND locked_by = @Worker AND attempts = @Attempt";

    private const string RenewSql = "UPDATE jobs SET locked_at = @Now WHERE " + Fence;

    /// <summary>Renews the lease of <paramref name="job"/> until <paramref name="stop"/>; cancels <paramref name="lost"/> if another worker took it.</summary>
    public async Task KeepAsync(JobContext job, CancellationTokenSource lost, CancellationToken stop)
    {
        var interval = duration / 3;
        try
        {
            while (true)
            {
                await Task.Delay(interval, clock, stop);
                bool renewed;
                try
                {
                    await using var connection = await dataSource.OpenConnectionAsync(stop);
                    renewed = await connection.ExecuteAsync(new CommandDefinition(RenewSql,
                        new { job.Id, Worker = workerId, job.Attempt, Now = clock.GetUtcNow() }, cancellationToken: stop)) == 1;
                }
                catch (Exception ex) when (!stop.IsCancellationRequested)
                {
                    // The lease still has two thirds left; the next heartbeat may get through.
                    LogHeartbeatFailed(logger, ex, job.Id);
                    continue;
                }

                if (!renewed)
                {
                    // Rescued by another worker: the job is theirs now, so stop ours.
                    LogLeaseLost(logger, job.Id, job.Kind);
                    await lost.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The handler finished.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} ({Kind}) lost its lease to another worker; cancelling our run")]
    private static partial void LogLeaseLost(ILogger logger, long jobId, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the lease of job {JobId} failed")]
    private static partial void LogHeartbeatFailed(ILogger logger, Exception exception, long jobId);
}
