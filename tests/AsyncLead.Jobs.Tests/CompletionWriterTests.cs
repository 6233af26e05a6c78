using AsyncLead.Jobs;
using Dapper;

namespace AsyncLead.Jobs.Tests;

public sealed class CompletionWriterTests(JobsDatabase database) : IClassFixture<JobsDatabase>, IAsyncLifetime
{
    private readonly ManualClock clock = new();

    public Task InitializeAsync() => JobRuns.ResetAsync(database.DataSource);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Completions_written_together_are_each_fenced_on_their_own_claim()
    {
        await using var host = JobHost.Create(database.ConnectionString, clock);
        for (var i = 0; i < 40; i++)
        {
            await host.Queue.EnqueueAsync(new JobRequest(RecordingHandler.JobKind, new TestJob($"job {i}")), CancellationToken.None);
        }

        var claimed = await host.Worker.ClaimAsync(40, CancellationToken.None);
        var stolen = claimed[7];
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        {
            // As if its lease had expired and another worker had rescued and claimed it again.
            await connection.ExecuteAsync("UPDATE jobs SET locked_by = 'other/1/x', attempts = attempts + 1 WHERE id = @Id", new { stolen.Id });
        }

        var writer = new CompletionWriter(database.DataSource, clock, host.Worker.WorkerId);
        var recorded = await Task.WhenAll(claimed.Select(writer.CompleteAsync));

        Assert.Equal(39, recorded.Count(ok => ok));
        Assert.False(recorded[7]);
        foreach (var job in claimed)
        {
            var stored = await JobRuns.JobAsync(database.DataSource, job.Id);
            Assert.Equal(job == stolen ? ("running", "other/1/x") : ("completed", null), (stored.State, stored.LockedBy));
        }
    }
}
