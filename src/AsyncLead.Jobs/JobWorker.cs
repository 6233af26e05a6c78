using System.Threading.Channels;
using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AsyncLead.Jobs;

/// <summary>
/// Claims due jobs and runs them through their handlers. As a hosted service (when <c>Jobs:Enabled</c>) it runs up to
/// <c>Jobs:Concurrency</c> jobs at once, waking on NOTIFY from committed enqueues with polling as the fallback;
/// <see cref="RunDueJobsAsync"/> is the same work as one deterministic drain for tests. Any number of workers, in any
/// number of processes, can share one database: a job is claimed by exactly one of them (FOR UPDATE SKIP LOCKED) and
/// every later write is fenced on that claim.
/// </summary>
public sealed partial class JobWorker : BackgroundService
{
    // Serialises claims of queued jobs across all workers. The claim statement runs after the lock is granted, so its
    // snapshot includes every earlier claim: without it, a claimer whose snapshot predates another's uncommitted claim
    // could start a second job of the same queue (one whose lower id committed late), as SKIP LOCKED only guards the
    // rows a claim locks, not the "is anything in this queue running?" it read.
    private const long QueueHeadsLockKey = 0x4A6F_6273_5175_6575;
    private const string LockQueueHeadsSql = "SELECT pg_advisory_xact_lock(@Key);\n";
    private const int MaintenanceBatchSize = 1000;
    private const int MaxErrorLength = 8000;
    private static readonly TimeSpan PruneEvery = TimeSpan.FromMinutes(10);

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

    // Every write about a claimed job names the claim: a worker whose lease expired (and whose job was rescued and
    // claimed again, which raised attempts) can no longer touch it.
    private const string Fence = "id = @Id AND state = 'running' AND locked_by = @Worker AND attempts = @Attempt";

    private const string RenewLeaseSql = "UPDATE jobs SET locked_at = @Now WHERE " + Fence;

    // A failure costs the attempt; out of attempts the job is dead. A job cancelled while it ran is never retried.
    private const string FailSql =
        """
        UPDATE jobs SET
            state = CASE WHEN cancelled_at IS NOT NULL THEN 'cancelled' WHEN attempts >= max_attempts THEN 'failed' ELSE 'available' END,
            finished_at = CASE WHEN cancelled_at IS NOT NULL OR attempts >= max_attempts THEN @Now END,
            run_at = @RunAt, last_error = @Error, locked_at = NULL, locked_by = NULL
        WHERE
        """ + " " + Fence + " RETURNING state";

    // RetryJobLater and a shutdown give the attempt back.
    private const string PutBackSql =
        """
        UPDATE jobs SET
            state = CASE WHEN cancelled_at IS NOT NULL THEN 'cancelled' ELSE 'available' END,
            finished_at = CASE WHEN cancelled_at IS NOT NULL THEN @Now END,
            attempts = attempts - 1, run_at = coalesce(@RunAt, run_at), last_error = coalesce(@Error, last_error),
            locked_at = NULL, locked_by = NULL
        WHERE
        """ + " " + Fence + " RETURNING state";

    // An expired lease means the worker died mid-job: the run counts as an attempt (it may have been the job that
    // killed it), and the job is due again at once.
    private const string RescueSql =
        """
        UPDATE jobs SET
            state = CASE WHEN cancelled_at IS NOT NULL THEN 'cancelled' WHEN attempts >= max_attempts THEN 'failed' ELSE 'available' END,
            finished_at = CASE WHEN cancelled_at IS NOT NULL OR attempts >= max_attempts THEN @Now END,
            run_at = @Now,
            last_error = 'Lease expired: worker ' || locked_by || ' stopped renewing it (it died or lost the database).',
            locked_at = NULL, locked_by = NULL
        FROM (
            SELECT id FROM jobs WHERE state = 'running' AND locked_at < @ExpiredBefore
            LIMIT @Limit FOR UPDATE SKIP LOCKED
        ) AS expired
        WHERE jobs.id = expired.id
        """;

    private const string PruneSql =
        """
        DELETE FROM jobs WHERE id IN (
            SELECT id FROM jobs WHERE state IN ('completed', 'cancelled') AND finished_at < @Cutoff
            LIMIT @Limit FOR UPDATE SKIP LOCKED)
        """;

    private readonly NpgsqlDataSource dataSource;
    private readonly JobHandlers handlers;
    private readonly JobsOptions options;
    private readonly TimeProvider clock;
    private readonly ILogger<JobWorker> logger;
    private readonly IRetryLaterPolicy[] retryLaterPolicies;
    private readonly CompletionWriter completions;
    private readonly Channel<bool> wakeups = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public JobWorker(NpgsqlDataSource dataSource, JobHandlers handlers, IOptions<JobsOptions> options, TimeProvider clock, ILogger<JobWorker> logger,
        IEnumerable<IRetryLaterPolicy> retryLaterPolicies)
    {
        this.retryLaterPolicies = [.. retryLaterPolicies];
        this.dataSource = dataSource;
        this.handlers = handlers;
        this.options = options.Value;
        this.clock = clock;
        this.logger = logger;
        completions = new CompletionWriter(dataSource, clock, WorkerId);
    }

    private TimeSpan? RetryAfter(Exception exception) =>
        retryLaterPolicies.Select(policy => policy.RetryAfter(exception)).FirstOrDefault(after => after is not null);

    /// <summary>Who holds a lease, as written to <c>jobs.locked_by</c>: machine, process and this instance.</summary>
    public string WorkerId { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>
    /// Rescues expired leases, then claims and runs jobs due at the clock's now until none is left; returns how many
    /// ran. Retries land in the future, so this always ends.
    /// </summary>
    public async Task<int> RunDueJobsAsync(CancellationToken cancellationToken)
    {
        await RescueExpiredLeasesAsync(cancellationToken);
        var ran = 0;
        while (true)
        {
            var jobs = await ClaimAsync(Math.Min(options.BatchSize, options.Concurrency), cancellationToken);
            if (jobs.Count == 0)
            {
                return ran;
            }
            await Task.WhenAll(jobs.Select(job => RunAsync(job, cancellationToken)));
            ran += jobs.Count;
        }
    }

    /// <summary>Deletes completed and cancelled jobs older than <c>Jobs:Retention</c>, in batches; returns how many.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - options.Retention;
        var pruned = 0;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        int deleted;
        do
        {
            deleted = await connection.ExecuteAsync(new CommandDefinition(PruneSql, new { Cutoff = cutoff, Limit = MaintenanceBatchSize }, cancellationToken: cancellationToken));
            pruned += deleted;
        }
        while (deleted == MaintenanceBatchSize);
        return pruned;
    }

    /// <summary>Claims up to <paramref name="limit"/> due jobs for this worker: queue heads first, so a flood of unqueued jobs never starves a thread's posts.</summary>
    internal async Task<IReadOnlyList<JobContext>> ClaimAsync(int limit, CancellationToken cancellationToken)
    {
        var claim = new { Now = clock.GetUtcNow(), Worker = WorkerId, Limit = limit };
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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
        {
            LogDisabled();
            return;
        }

        var firstListen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var listener = ListenAsync(firstListen, stoppingToken);
        var inFlight = new List<Task>();
        try
        {
            // Listening before the first claim: anything committed after that claim's snapshot also notifies us.
            await firstListen.Task.WaitAsync(stoppingToken);
            LogStarted(WorkerId, options.Concurrency);
            var refillAt = Math.Max(1, Math.Min(options.Concurrency, options.BatchSize) / 2);
            var backlog = false;
            var nextRescue = DateTimeOffset.MinValue;
            var nextPrune = DateTimeOffset.MinValue;
            while (!stoppingToken.IsCancellationRequested)
            {
                inFlight.RemoveAll(task => task.IsCompleted);
                var mayBeMore = false;
                try
                {
                    var now = clock.GetUtcNow();
                    if (now >= nextRescue)
                    {
                        await RescueExpiredLeasesAsync(stoppingToken);
                        nextRescue = now + options.PollInterval;
                    }
                    if (now >= nextPrune)
                    {
                        await PruneAsync(stoppingToken);
                        nextPrune = now + PruneEvery;
                    }

                    // With a backlog, claim in batches: a claim costs as many round trips as a job's own work, so
                    // claiming one job per finished one would halve throughput. Without one, claim at once.
                    var free = options.Concurrency - inFlight.Count;
                    var limit = Math.Min(free, options.BatchSize);
                    if (limit > 0 && (!backlog || free >= refillAt))
                    {
                        var jobs = await ClaimAsync(limit, stoppingToken);
                        inFlight.AddRange(jobs.Select(job => RunThenWakeAsync(job, stoppingToken)));
                        backlog = jobs.Count == limit;
                        mayBeMore = backlog && options.Concurrency - inFlight.Count >= refillAt;
                    }
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // Typically Postgres restarting: keep the loop alive and try again after the poll interval.
                    LogLoopFailed(ex);
                }

                if (!mayBeMore)
                {
                    await WaitForWakeupAsync(stoppingToken);
                }
            }
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: running handlers see the same token and their jobs are put back.
        }
        finally
        {
            await Task.WhenAll(inFlight);
            await listener;
        }
    }

    private async Task RunThenWakeAsync(JobContext job, CancellationToken stoppingToken)
    {
        await RunAsync(job, stoppingToken);
        Wake();
    }

    private async Task RunAsync(JobContext job, CancellationToken stoppingToken)
    {
        try
        {
            var outcome = await HandleAsync(job, stoppingToken);
            await RecordAsync(job, outcome);
        }
        catch (Exception ex)
        {
            // The outcome could not be written (Postgres unreachable): the lease expires and the job is rescued.
            LogRecordFailed(ex, job.Id, job.Kind);
        }
    }

    private async Task<Outcome> HandleAsync(JobContext job, CancellationToken stoppingToken)
    {
        using var logScope = logger.BeginScope(new Dictionary<string, object?> { ["JobId"] = job.Id, ["JobKind"] = job.Kind, ["JobScope"] = job.Scope });
        using var lease = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        using var stopHeartbeat = new CancellationTokenSource();
        var heartbeat = KeepLeaseAsync(job, lease, stopHeartbeat.Token);
        try
        {
            await handlers.HandleAsync(job, lease.Token);
            return new Outcome(OutcomeKind.Completed);
        }
        catch (RetryJobLaterException later)
        {
            return new Outcome(OutcomeKind.PutBack, later.After, later.Message);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return new Outcome(OutcomeKind.PutBack);
        }
        catch (Exception ex) when (RetryAfter(ex) is { } after)
        {
            var later = new RetryJobLaterException(after, ex.Message);
            return new Outcome(OutcomeKind.PutBack, later.After, later.Message);
        }
        catch (Exception ex)
        {
            return new Outcome(OutcomeKind.Failed, RetryBackoff.After(job.Attempt, Random.Shared.NextDouble()), Truncate(ex.ToString()));
        }
        finally
        {
            // Stopped before the outcome is written, so a late heartbeat never mistakes our own write for a lost lease.
            await stopHeartbeat.CancelAsync();
            await heartbeat;
        }
    }

    private async Task RecordAsync(JobContext job, Outcome outcome)
    {
        if (outcome.Kind == OutcomeKind.Completed)
        {
            if (!await completions.CompleteAsync(job))
            {
                LogLeaseLostBeforeRecording(job.Id, job.Kind);
            }

            return;
        }

        var now = clock.GetUtcNow();
        var sql = outcome.Kind == OutcomeKind.Failed ? FailSql : PutBackSql;
        DateTimeOffset? runAt = outcome.Delay is { } delay ? now + delay : null;

        await using var connection = await dataSource.OpenConnectionAsync(CancellationToken.None);
        var state = await connection.ExecuteScalarAsync<string?>(sql,
            new { job.Id, Worker = WorkerId, job.Attempt, Now = now, RunAt = runAt, outcome.Error });

        switch (state)
        {
            case null:
                LogLeaseLostBeforeRecording(job.Id, job.Kind);
                break;
            case "failed":
                LogDead(job.Id, job.Kind, job.Attempt, outcome.Error);
                break;
            case "available" when outcome.Kind == OutcomeKind.Failed:
                LogRetrying(job.Id, job.Kind, job.Attempt, job.MaxAttempts, runAt, outcome.Error);
                break;
            case "available" when runAt is not null:
                LogRetryLater(job.Id, job.Kind, runAt, outcome.Error);
                break;
        }
    }

    private async Task KeepLeaseAsync(JobContext job, CancellationTokenSource lease, CancellationToken stop)
    {
        var interval = options.LeaseDuration / 3;
        try
        {
            while (true)
            {
                await Task.Delay(interval, clock, stop);
                bool renewed;
                try
                {
                    await using var connection = await dataSource.OpenConnectionAsync(stop);
                    renewed = await connection.ExecuteAsync(new CommandDefinition(RenewLeaseSql,
                        new { job.Id, Worker = WorkerId, job.Attempt, Now = clock.GetUtcNow() }, cancellationToken: stop)) == 1;
                }
                catch (Exception ex) when (!stop.IsCancellationRequested)
                {
                    // The lease still has two thirds left; the next heartbeat may get through.
                    LogHeartbeatFailed(ex, job.Id);
                    continue;
                }

                if (!renewed)
                {
                    // Rescued by another worker: the job is theirs now, so stop ours.
                    LogLeaseLost(job.Id, job.Kind);
                    await lease.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The handler finished.
        }
    }

    private async Task RescueExpiredLeasesAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        int rescued;
        do
        {
            rescued = await connection.ExecuteAsync(new CommandDefinition(RescueSql,
                new { Now = now, ExpiredBefore = now - options.LeaseDuration, Limit = MaintenanceBatchSize }, cancellationToken: cancellationToken));
            if (rescued > 0)
            {
                LogRescued(rescued);
            }
        }
        while (rescued == MaintenanceBatchSize);
    }

    private async Task ListenAsync(TaskCompletionSource firstListen, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, _) => Wake();
                await connection.ExecuteAsync(new CommandDefinition($"LISTEN {JobQueue.NotificationChannel}", cancellationToken: stoppingToken));
                firstListen.TrySetResult();
                Wake(); // whatever was enqueued while we were not listening
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Polling carries on meanwhile; the loop must not wait on a listener that can't connect.
                firstListen.TrySetResult();
                LogListenFailed(ex);
                try
                {
                    await Task.Delay(options.PollInterval, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private void Wake() => wakeups.Writer.TryWrite(true);

    private async Task WaitForWakeupAsync(CancellationToken stoppingToken)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var poll = Task.Delay(options.PollInterval, clock, waiting.Token);
        var wakeup = wakeups.Reader.WaitToReadAsync(waiting.Token).AsTask();
        await Task.WhenAny(poll, wakeup);
        await waiting.CancelAsync();
        wakeups.Reader.TryRead(out _);
    }

    private static string Truncate(string error) => error.Length <= MaxErrorLength ? error : error[..MaxErrorLength];

    private enum OutcomeKind
    {
        Completed,
        Failed,
        PutBack,
    }

    /// <param name="Delay">When to run again, from now; null keeps run_at (a shutdown puts the job back as it was).</param>
    private readonly record struct Outcome(OutcomeKind Kind, TimeSpan? Delay = null, string? Error = null);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job worker disabled (Jobs__Enabled=false): this process enqueues but runs no jobs")]
    private partial void LogDisabled();

    [LoggerMessage(Level = LogLevel.Information, Message = "Job worker {WorkerId} started with {Concurrency} slots")]
    private partial void LogStarted(string workerId, int concurrency);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job worker loop failed; retrying after the poll interval")]
    private partial void LogLoopFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for job notifications failed; polling until it works again")]
    private partial void LogListenFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not record the outcome of job {JobId} ({Kind}); it is rescued when its lease expires")]
    private partial void LogRecordFailed(Exception exception, long jobId, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} ({Kind}) failed attempt {Attempt} of {MaxAttempts}; next attempt at {RunAt}: {Error}")]
    private partial void LogRetrying(long jobId, string kind, int attempt, int maxAttempts, DateTimeOffset? runAt, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId} ({Kind}) is dead after {Attempts} attempts: {Error}")]
    private partial void LogDead(long jobId, string kind, int attempts, string? error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} ({Kind}) runs again at {RunAt}: {Reason}")]
    private partial void LogRetryLater(long jobId, string kind, DateTimeOffset? runAt, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} ({Kind}) finished after its lease was lost; its outcome was discarded")]
    private partial void LogLeaseLostBeforeRecording(long jobId, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} ({Kind}) lost its lease to another worker; cancelling our run")]
    private partial void LogLeaseLost(long jobId, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the lease of job {JobId} failed")]
    private partial void LogHeartbeatFailed(Exception exception, long jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rescued {Count} job(s) whose worker stopped renewing their lease")]
    private partial void LogRescued(int count);
}
