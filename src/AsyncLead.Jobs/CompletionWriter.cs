using Dapper;
using Npgsql;

namespace AsyncLead.Jobs;

/// <summary>
/// Group commit for completed jobs: while one UPDATE is in flight, the completions that arrive wait and go together in
/// the next. An idle worker writes each completion at once; a busy one pays one round trip per batch, not per job.
/// Each row is still fenced on its own claim (as <see cref="JobLease.Fence"/> fences one).
/// </summary>
internal sealed class CompletionWriter(NpgsqlDataSource dataSource, TimeProvider clock, string workerId)
{
    private const string CompleteSql =
        """
        UPDATE jobs SET state = 'completed', finished_at = @Now, locked_at = NULL, locked_by = NULL
        FROM unnest(@Ids, @Attempts) AS done(id, attempt)
        WHERE jobs.id = done.id AND jobs.state = 'running' AND jobs.locked_by = @Worker AND jobs.attempts = done.attempt
        RETURNING jobs.id
        """;

    private readonly Lock gate = new();
    private List<Pending> waiting = [];
    private bool writing;

    /// <returns>False when the claim no longer held (the lease expired and another worker took the job).</returns>
    public Task<bool> CompleteAsync(JobContext job)
    {
        var pending = new Pending(job.Id, job.Attempt, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        bool lead;
        lock (gate)
        {
            waiting.Add(pending);
            lead = !writing;
            writing = true;
        }

        if (lead)
        {
            _ = WriteWhileWaitingAsync();
        }

        return pending.Recorded.Task;
    }

    private async Task WriteWhileWaitingAsync()
    {
        while (true)
        {
            List<Pending> batch;
            lock (gate)
            {
                if (waiting.Count == 0)
                {
                    writing = false;
                    return;
                }

                batch = waiting;
                waiting = [];
            }

            await WriteAsync(batch);
        }
    }

    private async Task WriteAsync(List<Pending> batch)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(CancellationToken.None);
            var completed = (await connection.QueryAsync<long>(CompleteSql, new
            {
                Ids = batch.Select(p => p.JobId).ToArray(),
                Attempts = batch.Select(p => p.Attempt).ToArray(),
                Worker = workerId,
                Now = clock.GetUtcNow(),
            })).ToHashSet();
            foreach (var pending in batch)
            {
                pending.Recorded.SetResult(completed.Contains(pending.JobId));
            }
        }
        catch (Exception ex)
        {
            foreach (var pending in batch)
            {
                pending.Recorded.SetException(ex);
            }
        }
    }

    private sealed record Pending(long JobId, int Attempt, TaskCompletionSource<bool> Recorded);
}
