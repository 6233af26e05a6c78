using AsyncLead.Jobs;
using Dapper;

namespace AsyncLead.Jobs.Tests;

public sealed class PruningTests(JobsDatabase database) : IClassFixture<JobsDatabase>, IAsyncLifetime
{
    private readonly ManualClock clock = new();

    public Task InitializeAsync() => JobRuns.ResetAsync(database.DataSource);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Completed_and_cancelled_jobs_past_retention_are_pruned_in_batches_and_dead_and_unfinished_ones_stay()
    {
        await using var host = JobHost.Create(database.ConnectionString, clock, new Dictionary<string, string?> { ["Jobs:Retention"] = "7.00:00:00" });
        var ranThroughTheQueue = (await host.Queue.EnqueueAsync(new JobRequest(RecordingHandler.JobKind, new TestJob("old")), CancellationToken.None))!.Value;
        await host.Worker.RunDueJobsAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromDays(8));
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        {
            // More old rows than one batch deletes, so pruning has to go round.
            await connection.ExecuteAsync(
                """
                INSERT INTO jobs (kind, payload, state, run_at, max_attempts, created_at, finished_at)
                SELECT 'old', '{}', CASE WHEN i % 2 = 0 THEN 'completed' ELSE 'cancelled' END, @Now - interval '8 days', 1,
                       @Now - interval '8 days', @Now - interval '8 days'
                FROM generate_series(1, 2500) AS i;
                INSERT INTO jobs (kind, payload, state, run_at, max_attempts, created_at, finished_at)
                VALUES ('recent', '{}', 'completed', @Now - interval '6 days', 1, @Now - interval '6 days', @Now - interval '6 days'),
                       ('dead', '{}', 'failed', @Now - interval '30 days', 1, @Now - interval '30 days', @Now - interval '30 days'),
                       ('pending', '{}', 'available', @Now - interval '30 days', 1, @Now - interval '30 days', NULL);
                """, new { Now = clock.GetUtcNow() });
        }

        Assert.Equal(2501, await host.Worker.PruneAsync(CancellationToken.None));

        var left = await JobRuns.JobsAsync(database.DataSource);
        Assert.Equal(["dead", "pending", "recent"], left.Select(job => job.Kind).Order());
        Assert.DoesNotContain(left, job => job.Id == ranThroughTheQueue);
        Assert.Equal(0, await host.Worker.PruneAsync(CancellationToken.None));
    }
}
