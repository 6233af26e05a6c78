using Dapper;
using Npgsql;

namespace AsyncLead.Jobs.Tests;

/// <summary>The jobs and recorded runs of a test's database, read back for assertions.</summary>
public static class JobRuns
{
    /// <summary>Empties the jobs table and (re)creates job_runs: each test starts from nothing.</summary>
    public static async Task ResetAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(
            """
            CREATE TABLE IF NOT EXISTS job_runs (
                job_id     bigint NOT NULL,
                label      text NOT NULL,
                queue_name text,
                worker     text NOT NULL,
                attempt    integer NOT NULL,
                started    bigint NOT NULL,
                ended      bigint NOT NULL
            );
            CREATE SEQUENCE IF NOT EXISTS job_run_events;
            TRUNCATE jobs, job_runs;
            """);
    }

    public static async Task<Job> JobAsync(NpgsqlDataSource dataSource, long id)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.QuerySingleAsync<Job>($"{SelectJobs} WHERE id = @id", new { id });
    }

    public static async Task<List<Job>> JobsAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<Job>($"{SelectJobs} ORDER BY id")).AsList();
    }

    /// <summary>Every finished run, in the order runs started.</summary>
    public static async Task<List<Run>> RunsAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<Run>(
            "SELECT job_id AS jobid, label, queue_name AS queuename, worker, attempt, started, ended FROM job_runs ORDER BY started")).AsList();
    }

    public static async Task<int> UnfinishedAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM jobs WHERE state IN ('available', 'running')");
    }

    /// <summary>Polls until <paramref name="condition"/> holds; fails the test after <paramref name="timeout"/>.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            try
            {
                await Task.Delay(20, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Timed out waiting until {what}.");
            }
        }
    }

    public static Task WaitUntilStateAsync(NpgsqlDataSource dataSource, long id, string state) =>
        WaitUntilAsync(async () => (await JobAsync(dataSource, id)).State == state, $"job {id} is {state}");

    private const string SelectJobs =
        """
        SELECT id, kind, state, attempts, max_attempts AS maxattempts, run_at AS runat, last_error AS lasterror,
               locked_by AS lockedby, cancelled_at AS cancelledat, finished_at AS finishedat, payload->>'label' AS label
        FROM jobs
        """;

    public sealed record Job(long Id, string Kind, string State, int Attempts, int MaxAttempts, DateTime RunAt, string? LastError,
        string? LockedBy, DateTime? CancelledAt, DateTime? FinishedAt, string? Label);

    public sealed record Run(long JobId, string Label, string? QueueName, string Worker, int Attempt, long Started, long Ended);
}
