using AsyncLead.Jobs;
using Dapper;
using Npgsql;

namespace AsyncLead.Jobs.Tests;

/// <summary>What a test job does; the handler reads it from the payload.</summary>
public sealed record TestJob(string Label)
{
    /// <summary>The first N runs throw.</summary>
    public int FailTimes { get; init; }

    /// <summary>After the failures, the next N runs ask to be retried later, as a handler does on Slack's 429.</summary>
    public int RetryLaterTimes { get; init; }

    public int RetryLaterSeconds { get; init; } = 30;

    /// <summary>Stays running this long, so overlapping runs would show in the recorded intervals.</summary>
    public int HoldMilliseconds { get; init; }

    /// <summary>Waits at this <see cref="HandlerGates"/> gate before finishing.</summary>
    public string? Gate { get; init; }
}

/// <summary>
/// The test's handler: records every run it finishes into <c>job_runs</c> in the job's own database (with the worker
/// that held the claim and a start/end pair from one sequence, which orders all runs), then behaves as the payload says.
/// </summary>
public sealed class RecordingHandler(NpgsqlDataSource dataSource, HandlerGates gates) : IJobHandler
{
    public const string JobKind = "test.record";

    public string Kind => JobKind;

    public async Task HandleAsync(JobContext job, CancellationToken cancellationToken)
    {
        var payload = job.Payload<TestJob>();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var started = await connection.ExecuteScalarAsync<long>("SELECT nextval('job_run_events')");
        if (payload.Gate is { } gate)
        {
            await gates.WaitAsync(gate, cancellationToken);
        }
        if (payload.HoldMilliseconds > 0)
        {
            await Task.Delay(payload.HoldMilliseconds, cancellationToken);
        }

        var run = await connection.ExecuteScalarAsync<int>(
            """
            WITH recorded AS (
                INSERT INTO job_runs (job_id, label, queue_name, worker, attempt, started, ended)
                SELECT id, @Label, queue_name, locked_by, @Attempt, @Started, nextval('job_run_events') FROM jobs WHERE id = @Id
                RETURNING 1)
            SELECT count(*) + 1 FROM job_runs WHERE job_id = @Id
            """,
            new { job.Id, payload.Label, job.Attempt, Started = started });

        if (run <= payload.FailTimes)
        {
            throw new InvalidOperationException($"planned failure {run} of {payload.Label}");
        }
        if (run <= payload.FailTimes + payload.RetryLaterTimes)
        {
            throw new RetryJobLaterException(TimeSpan.FromSeconds(payload.RetryLaterSeconds), "fake rate limit");
        }
    }
}
