using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AsyncLead.Jobs;

/// <summary>
/// Running: invokes a claimed job's handler under its lease and records the outcome, fenced on the claim. Returning
/// completes the job (group-committed); a failure costs the attempt and retries with backoff until the job is dead;
/// <see cref="RetryJobLaterException"/>, a retry-later policy's match and a shutdown put the job back uncharged.
/// </summary>
internal sealed partial class JobRunner(
    NpgsqlDataSource dataSource,
    JobHandlers handlers,
    JobLease lease,
    CompletionWriter completions,
    IRetryLaterPolicy[] retryLaterPolicies,
    TimeProvider clock,
    string workerId,
    ILogger logger)
{
    private const int MaxErrorLength = 8000;

    // A failure costs the attempt; out of attempts the job is dead. A job cancelled while it ran is never retried.
    private const string FailSql =
        """
        UPDATE jobs SET
            state = CASE WHEN cancelled_at IS NOT NULL THEN 'cancelled' WHEN attempts >= max_attempts THEN 'failed' ELSE 'available' END,
            finished_at = CASE WHEN cancelled_at IS NOT NULL OR attempts >= max_attempts THEN @Now END,
            run_at = @RunAt, last_error = @Error, locked_at = NULL, locked_by = NULL
        WHERE
        """ + " " + JobLease.Fence + " RETURNING state";

    // RetryJobLater and a shutdown give the attempt back.
    private const string PutBackSql =
        """
        UPDATE jobs SET
            state = CASE WHEN cancelled_at IS NOT NULL THEN 'cancelled' ELSE 'available' END,
            finished_at = CASE WHEN cancelled_at IS NOT NULL THEN @Now END,
            attempts = attempts - 1, run_at = coalesce(@RunAt, run_at), last_error = coalesce(@Error, last_error),
            locked_at = NULL, locked_by = NULL
        WHERE
        """ + " " + JobLease.Fence + " RETURNING state";

    /// <summary>Runs <paramref name="job"/> and records how it ended; never throws.</summary>
    public async Task RunAsync(JobContext job, CancellationToken stoppingToken)
    {
        try
        {
            var outcome = await HandleAsync(job, stoppingToken);
            await RecordAsync(job, outcome);
        }
        catch (Exception ex)
        {
            // The outcome could not be written (Postgres unreachable): the lease expires and the job is rescued.
            LogRecordFailed(logger, ex, job.Id, job.Kind);
        }
    }

    private async Task<Outcome> HandleAsync(JobContext job, CancellationToken stoppingToken)
    {
        using var logScope = logger.BeginScope(new Dictionary<string, object?> { ["JobId"] = job.Id, ["JobKind"] = job.Kind, ["JobScope"] = job.Scope });
        using var held = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        using var stopHeartbeat = new CancellationTokenSource();
        var heartbeat = lease.KeepAsync(job, held, stopHeartbeat.Token);
        try
        {
            await handlers.HandleAsync(job, held.Token);
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
                LogLeaseLostBeforeRecording(logger, job.Id, job.Kind);
            }

            return;
        }

        var now = clock.GetUtcNow();
        var sql = outcome.Kind == OutcomeKind.Failed ? FailSql : PutBackSql;
        DateTimeOffset? runAt = outcome.Delay is { } delay ? now + delay : null;

        await using var connection = await dataSource.OpenConnectionAsync(CancellationToken.None);
        var state = await connection.ExecuteScalarAsync<string?>(sql,
            new { job.Id, Worker = workerId, job.Attempt, Now = now, RunAt = runAt, outcome.Error });

        switch (state)
        {
            case null:
                LogLeaseLostBeforeRecording(logger, job.Id, job.Kind);
                break;
            case "failed":
                LogDead(logger, job.Id, job.Kind, job.Attempt, outcome.Error);
                break;
            case "available" when outcome.Kind == OutcomeKind.Failed:
                LogRetrying(logger, job.Id, job.Kind, job.Attempt, job.MaxAttempts, runAt, outcome.Error);
                break;
            case "available" when runAt is not null:
                LogRetryLater(logger, job.Id, job.Kind, runAt, outcome.Error);
                break;
        }
    }

    private TimeSpan? RetryAfter(Exception exception) =>
        retryLaterPolicies.Select(policy => policy.RetryAfter(exception)).FirstOrDefault(after => after is not null);

    private static string Truncate(string error) => error.Length <= MaxErrorLength ? error : error[..MaxErrorLength];

    private enum OutcomeKind
    {
        Completed,
        Failed,
        PutBack,
    }

    /// <param name="Delay">When to run again, from now; null keeps run_at (a shutdown puts the job back as it was).</param>
    private readonly record struct Outcome(OutcomeKind Kind, TimeSpan? Delay = null, string? Error = null);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not record the outcome of job {JobId} ({Kind}); it is rescued when its lease expires")]
    private static partial void LogRecordFailed(ILogger logger, Exception exception, long jobId, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} ({Kind}) failed attempt {Attempt} of {MaxAttempts}; next attempt at {RunAt}: {Error}")]
    private static partial void LogRetrying(ILogger logger, long jobId, string kind, int attempt, int maxAttempts, DateTimeOffset? runAt, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId} ({Kind}) is dead after {Attempts} attempts: {Error}")]
    private static partial void LogDead(ILogger logger, long jobId, string kind, int attempts, string? error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} ({Kind}) runs again at {RunAt}: {Reason}")]
    private static partial void LogRetryLater(ILogger logger, long jobId, string kind, DateTimeOffset? runAt, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} ({Kind}) finished after its lease was lost; its outcome was discarded")]
    private static partial void LogLeaseLostBeforeRecording(ILogger logger, long jobId, string kind);
}
