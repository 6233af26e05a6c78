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
/// every later write is fenced on that claim. This class is the loop; its parts are kept apart as River and
/// graphile-worker keep them: <see cref="JobClaimer"/>, <see cref="JobRunner"/>, <see cref="JobLease"/>,
/// <see cref="JobWakeups"/>, <see cref="LeaseRescuer"/> and <see cref="JobPruner"/>.
/// </summary>
public sealed partial class JobWorker : BackgroundService
{
    private readonly JobsOptions options;
    private readonly TimeProvider clock;
    private readonly ILogger<JobWorker> logger;
    private readonly JobClaimer claimer;
    private readonly JobRunner runner;
    private readonly JobWakeups wakeups;
    private readonly LeaseRescuer rescuer;
    private readonly JobPruner pruner;

    public JobWorker(NpgsqlDataSource dataSource, JobHandlers handlers, IOptions<JobsOptions> options, TimeProvider clock, ILogger<JobWorker> logger,
        IEnumerable<IRetryLaterPolicy> retryLaterPolicies)
    {
        this.options = options.Value;
        this.clock = clock;
        this.logger = logger;
        claimer = new JobClaimer(dataSource, clock, WorkerId);
        var lease = new JobLease(dataSource, clock, WorkerId, this.options.LeaseDuration, logger);
        runner = new JobRunner(dataSource, handlers, lease, new CompletionWriter(dataSource, clock, WorkerId), [.. retryLaterPolicies], clock, WorkerId, logger);
        wakeups = new JobWakeups(dataSource, clock, this.options.PollInterval, logger);
        rescuer = new LeaseRescuer(dataSource, clock, this.options.LeaseDuration, logger);
        pruner = new JobPruner(dataSource, clock, this.options.Retention);
    }

    /// <summary>Who holds a lease, as written to <c>jobs.locked_by</c>: machine, process and this instance.</summary>
    public string WorkerId { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>
    /// Rescues expired leases, then claims and runs jobs due at the clock's now until none is left; returns how many
    /// ran. Retries land in the future, so this always ends.
    /// </summary>
    public async Task<int> RunDueJobsAsync(CancellationToken cancellationToken)
    {
        await rescuer.RescueExpiredAsync(cancellationToken);
        var ran = 0;
        while (true)
        {
            var jobs = await ClaimAsync(Math.Min(options.BatchSize, options.Concurrency), cancellationToken);
            if (jobs.Count == 0)
            {
                return ran;
            }
            await Task.WhenAll(jobs.Select(job => runner.RunAsync(job, cancellationToken)));
            ran += jobs.Count;
        }
    }

    /// <summary>Deletes completed and cancelled jobs older than <c>Jobs:Retention</c>, in batches; returns how many.</summary>
    public Task<int> PruneAsync(CancellationToken cancellationToken) => pruner.PruneAsync(cancellationToken);

    /// <summary>Claims up to <paramref name="limit"/> due jobs for this worker (tests play a worker that dies holding them).</summary>
    internal Task<IReadOnlyList<JobContext>> ClaimAsync(int limit, CancellationToken cancellationToken) => claimer.ClaimAsync(limit, cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
        {
            LogDisabled();
            return;
        }

        var firstListen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var listener = wakeups.ListenAsync(firstListen, stoppingToken);
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
                        await rescuer.RescueExpiredAsync(stoppingToken);
                        nextRescue = now + options.PollInterval;
                    }
                    if (now >= nextPrune)
                    {
                        await pruner.PruneAsync(stoppingToken);
                        nextPrune = now + JobPruner.Every;
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
                    await wakeups.WaitAsync(stoppingToken);
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
        await runner.RunAsync(job, stoppingToken);
        wakeups.Wake();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job worker disabled (Jobs__Enabled=false): this process enqueues but runs no jobs")]
    private partial void LogDisabled();

    [LoggerMessage(Level = LogLevel.Information, Message = "Job worker {WorkerId} started with {Concurrency} slots")]
    private partial void LogStarted(string workerId, int concurrency);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job worker loop failed; retrying after the poll interval")]
    private partial void LogLoopFailed(Exception exception);
}
