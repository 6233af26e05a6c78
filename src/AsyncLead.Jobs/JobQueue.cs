using Dapper;
using Npgsql;

namespace AsyncLead.Jobs;

/// <summary>
/// Enqueues, cancels and reads jobs: the only way in to the <c>jobs</c> table for the code that hosts the queue. The
/// overloads taking a connection and transaction write inside the caller's transaction (outbox): the state change and
/// the job it implies commit together or not at all, and workers are woken only on commit.
/// </summary>
public sealed class JobQueue(NpgsqlDataSource dataSource, TimeProvider clock)
{
    /// <summary>The LISTEN/NOTIFY channel workers wake on.</summary>
    public const string NotificationChannel = "asynclead_jobs";

    /// <summary>Scopes nest with this separator: <c>workspace:T1/decision:7</c> lies within <c>workspace:T1</c>.</summary>
    public const string ScopeSeparator = "/";

    // NOTIFY is transactional: delivered on commit, dropped on rollback, and folded into one per transaction.
    private const string NotifyIfDue = $"SELECT pg_notify('{NotificationChannel}', '') WHERE @RunAt <= @Now;";

    private const string InsertColumns =
        """
        INSERT INTO jobs (kind, payload, state, run_at, max_attempts, job_key, queue_name, scope, created_at)
        VALUES (@Kind, CAST(@Payload AS jsonb), 'available', @RunAt, @MaxAttempts, @JobKey, @QueueName, @Scope, @Now)
        ON CONFLICT (job_key) WHERE job_key IS NOT NULL AND state IN ('available', 'running') AND cancelled_at IS NULL
        """;

    private const string InsertOrIgnoreSql = InsertColumns + " DO NOTHING RETURNING id;" + NotifyIfDue;

    private const string InsertOrReplacePendingSql = InsertColumns +
        """
         DO UPDATE SET kind = excluded.kind, payload = excluded.payload, run_at = excluded.run_at,
                      max_attempts = excluded.max_attempts, queue_name = excluded.queue_name, scope = excluded.scope,
                      attempts = 0, last_error = NULL
        WHERE jobs.state = 'available'
        RETURNING id;
        """ + NotifyIfDue;

    // A running holder of the key is doing out-of-date work: it finishes, is never retried, and gives the key up.
    private const string SupersedeRunningSql =
        """
        UPDATE jobs SET cancelled_at = @Now
        WHERE job_key = @JobKey AND state = 'running' AND cancelled_at IS NULL
        """;

    private const string CancelColumns =
        """
        UPDATE jobs SET
            state = CASE state WHEN 'available' THEN 'cancelled' ELSE state END,
            finished_at = CASE state WHEN 'available' THEN @Now ELSE finished_at END,
            cancelled_at = @Now
        WHERE state IN ('available', 'running') AND cancelled_at IS NULL
        """;

    private const string CancelByKeySql = CancelColumns + " AND job_key = @Key";
    private const string CancelByScopeSql = CancelColumns + " AND scope = @Key";
    private const string CancelWithinScopeSql = CancelColumns + " AND (scope = @Key OR starts_with(scope, @Key || '" + ScopeSeparator + "'))";

    private const string NextRunAtSql =
        "SELECT min(run_at) FROM jobs WHERE job_key = ANY(@Keys) AND state = 'available' AND cancelled_at IS NULL";

    // Cheap from every replica: the due and dead jobs are the few rows outside completed history.
    private const string StatisticsSql =
        """
        SELECT count(*) FILTER (WHERE state = 'available' AND run_at <= @Now) AS Depth,
               coalesce(extract(epoch FROM @Now - min(run_at) FILTER (WHERE state = 'available' AND run_at <= @Now)), 0)::float8 AS LagSeconds,
               count(*) FILTER (WHERE state = 'failed') AS Failed
        FROM jobs
        WHERE state IN ('available', 'failed')
        """;

    /// <summary>Enqueues on a connection of its own (when there is no state change to commit with it).</summary>
    public async Task<long?> EnqueueAsync(JobRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await EnqueueAsync(connection, null, request, cancellationToken);
    }

    /// <summary>Enqueues every request in one transaction of its own: all of them, or none when one fails.</summary>
    public async Task EnqueueAllAsync(IReadOnlyCollection<JobRequest> requests, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var request in requests)
        {
            await EnqueueAsync(connection, transaction, request, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Enqueues inside <paramref name="transaction"/> (or on its own when null). Returns the job's id, or null when
    /// <see cref="JobKeyConflict.Ignore"/> found an unfinished job with the same key.
    /// </summary>
    public async Task<long?> EnqueueAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, JobRequest request, CancellationToken cancellationToken)
    {
        var row = ToRow(request, clock.GetUtcNow());
        if (request.OnConflict == JobKeyConflict.Ignore)
        {
            return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(InsertOrIgnoreSql, row, transaction, cancellationToken: cancellationToken));
        }

        if (transaction is not null)
        {
            return await ReplaceAsync(connection, transaction, row, cancellationToken);
        }

        await using var own = await connection.BeginTransactionAsync(cancellationToken);
        var id = await ReplaceAsync(connection, own, row, cancellationToken);
        await own.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>
    /// Cancels the unfinished job holding <paramref name="jobKey"/>: a pending one never runs; a running one finishes
    /// but is not retried. Returns how many jobs were cancelled (0 or 1).
    /// </summary>
    public Task<int> CancelAsync(string jobKey, CancellationToken cancellationToken) =>
        OnOwnConnection(connection => CancelAsync(connection, null, jobKey, cancellationToken), cancellationToken);

    public Task<int> CancelAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string jobKey, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(CancelByKeySql, new { Key = jobKey, Now = clock.GetUtcNow() }, transaction, cancellationToken: cancellationToken));

    /// <summary>Cancels every unfinished job in <paramref name="scope"/> (as <see cref="CancelAsync(string, CancellationToken)"/> does one).</summary>
    public Task<int> CancelScopeAsync(string scope, CancellationToken cancellationToken) =>
        OnOwnConnection(connection => CancelScopeAsync(connection, null, scope, cancellationToken), cancellationToken);

    public Task<int> CancelScopeAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string scope, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(CancelByScopeSql, new { Key = scope, Now = clock.GetUtcNow() }, transaction, cancellationToken: cancellationToken));

    /// <summary>
    /// Cancels every unfinished job in <paramref name="scope"/> or in a scope nested within it (<c>scope/…</c>), e.g.
    /// everything a workspace has pending when it uninstalls.
    /// </summary>
    public Task<int> CancelWithinScopeAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string scope, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(scope);
        return connection.ExecuteAsync(new CommandDefinition(CancelWithinScopeSql, new { Key = scope, Now = clock.GetUtcNow() }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>When the earliest pending job holding one of <paramref name="jobKeys"/> is due; null when none is pending.</summary>
    public async Task<DateTimeOffset?> NextRunAtAsync(IReadOnlyCollection<string> jobKeys, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var next = await connection.ExecuteScalarAsync<DateTime?>(new CommandDefinition(NextRunAtSql, new { Keys = jobKeys.ToArray() }, cancellationToken: cancellationToken));
        return next is { } utc ? new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)) : null;
    }

    /// <summary>
    /// Due jobs, how long the oldest has waited and the dead ones, at the queue's now. Synchronous, for observable gauges
    /// (read on the exporter's thread); callers cache it.
    /// </summary>
    public JobQueueStatistics ReadStatistics()
    {
        using var connection = dataSource.OpenConnection();
        return connection.QuerySingle<JobQueueStatistics>(StatisticsSql, new { Now = clock.GetUtcNow() });
    }

    private static async Task<long> ReplaceAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, JobRow row, CancellationToken cancellationToken)
    {
        // The upsert replaces a pending holder. A running holder makes it return nothing (and locks that row until we
        // commit, so it stays running): supersede it, and the second upsert inserts. A third round only happens if
        // another enqueue of the key committed and was claimed in between.
        for (var round = 1; round <= 3; round++)
        {
            var id = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(InsertOrReplacePendingSql, row, transaction, cancellationToken: cancellationToken));
            if (id is { } replacedOrInserted)
            {
                return replacedOrInserted;
            }
            await connection.ExecuteAsync(new CommandDefinition(SupersedeRunningSql, row, transaction, cancellationToken: cancellationToken));
        }
        throw new InvalidOperationException($"Could not replace the job with key '{row.JobKey}': it kept being claimed while we replaced it.");
    }

    private static JobRow ToRow(JobRequest request, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Kind);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.MaxAttempts, 1);
        if (request.OnConflict == JobKeyConflict.Replace && request.JobKey is null)
        {
            throw new ArgumentException("JobKeyConflict.Replace needs a JobKey to know which job to replace.", nameof(request));
        }

        // Npgsql writes timestamptz only from UTC values.
        return new JobRow(request.Kind, JobJson.Serialize(request.Payload), (request.RunAt ?? now).ToUniversalTime(), request.MaxAttempts,
            request.JobKey, request.QueueName, request.Scope, now);
    }

    private async Task<int> OnOwnConnection(Func<NpgsqlConnection, Task<int>> work, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await work(connection);
    }

    private sealed record JobRow(string Kind, string Payload, DateTimeOffset RunAt, int MaxAttempts, string? JobKey, string? QueueName, string? Scope, DateTimeOffset Now);
}
