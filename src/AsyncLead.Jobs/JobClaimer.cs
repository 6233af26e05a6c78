using Dapper;
using Npgsql;

namespace AsyncLead.Jobs;

/// <summary>
/// Claiming: takes due jobs for one worker (FOR UPDATE SKIP LOCKED), queue heads first so a flood of unqueued jobs never
/// starves a thread's posts. A claim marks the job running, charges an attempt and starts the worker's lease.
/// </summary>
internal sealed class JobClaimer(NpgsqlDataSource dataSource, TimeProvider clock, string workerId)
{
    // Serialises claims of queued jobs across all workers. The claim statement runs after the lock is granted, so its
    // snapshot includes every earlier claim: without it, a claimer whose snapshot predates another's uncommitted claim
    // could start a second job of the same queue (one whose lower id committed late), as SKIP LOCKED only guards the
    // rows a claim locks, not the "is anything in this queue running?" it read.
    private const long QueueHeadsLockKey = 0x4A6F_6273_5175_6575;
    private const string LockQueueHeadsSql = "SELECT pg_advisory_xact_lock(@Key);\n";

    private const string ClaimedColumns =
        """
        RETURNING jobs.id, jobs.kind, jobs.payload::text AS payloadjson, jobs.attempts AS attempt, jobs.max_attempts AS maxattempts,
                  jobs.job_key AS jobkey, jobs.queue_name AS queuename, jobs.scope
        """;

    internal const string ClaimSql =
        """
        UPDATE jobs SET state = 'running', attempts = jobs.attempts + 1, locked_at = @Now, locked_by = @Worker
        FROM (
            SELECT id FROM jobs
            WHERE state = 'available' AND queue_name IS NULL AND run_at <= @Now
            ORDER BY run_at, id
            LIMIT @Limit
            FOR UPDATE SKIP LOCKED
        ) AS due
        WHERE jobs.id = due.id
        """ + "\n" + ClaimedColumns;

    // A queued job may run when it is due, nothing enqueued before it in its queue is unfinished, and nothing in its
    // queue is running (a job that committed late with a lower id must still wait for the one already running).
    internal const string ClaimQueueHeadsSql =
        """
        UPDATE jobs SET state = 'running', attempts = jobs.attempts + 1, locked_at = @Now, locked_by = @Worker
        FROM (
            SELECT candidate.id FROM jobs AS candidate
            WHERE candidate.state = 'available' AND candidate.queue_name IS NOT NULL AND candidate.run_at <= @Now
              AND NOT EXISTS (
                  SELECT 1 FROM jobs AS earlier
                  WHERE earlier.queue_name = candidate.queue_name AND earlier.id < candidate.id
                    AND earlier.state IN ('available', 'running'))
              AND NOT EXISTS (
                  SELECT 1 FROM jobs AS busy
                  WHERE busy.queue_name = candidate.queue_name AND busy.state = 'running')
            ORDER BY candidate.run_at, candidate.id
            LIMIT @Limit
            FOR UPDATE OF candidate SKIP LOCKED
        ) AS heads
        WHERE jobs.id = heads.id
        """ + "\n" + ClaimedColumns;

    /// <summary>Claims up to <paramref name="limit"/> due jobs at the clock's now.</summary>
    public async Task<IReadOnlyList<JobContext>> ClaimAsync(int limit, CancellationToken cancellationToken)
    {
        var claim = new { Now = clock.GetUtcNow(), Worker = workerId, Limit = limit };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);

        // Once sent, a claim is read to the end: a claim cancelled after the database ran it would strand its jobs
        // until their leases expire.
        List<JobContext> claimed;
        await using (var transaction = await connection.BeginTransactionAsync(CancellationToken.None))
        {
            // One round trip: the claim is a statement of its own, so its snapshot is taken after the lock is granted.
            await using (var results = await connection.QueryMultipleAsync(LockQueueHeadsSql + ClaimQueueHeadsSql,
                new { claim.Now, claim.Worker, claim.Limit, Key = QueueHeadsLockKey }, transaction))
            {
                await results.ReadAsync();
                claimed = (await results.ReadAsync<JobContext>()).AsList();
            }

            await transaction.CommitAsync(CancellationToken.None);
        }

        if (claimed.Count < limit)
        {
            claimed.AddRange(await connection.QueryAsync<JobContext>(ClaimSql, claim with { Limit = limit - claimed.Count }));
        }
        return claimed;
    }
}
