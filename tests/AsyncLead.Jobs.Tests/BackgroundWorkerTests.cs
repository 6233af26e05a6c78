using AsyncLead.Jobs;

namespace AsyncLead.Jobs.Tests;

/// <summary>The worker as the app runs it: a hosted service woken by NOTIFY.</summary>
public sealed class BackgroundWorkerTests(JobsDatabase database) : IClassFixture<JobsDatabase>, IAsyncLifetime
{
    private readonly ManualClock clock = new();

    public Task InitializeAsync() => JobRuns.ResetAsync(database.DataSource);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_committed_enqueue_wakes_the_background_worker_long_before_its_next_poll()
    {
        // Polling every ten minutes: only the notification can get the second job run within the test's patience.
        await using var host = JobHost.Create(database.ConnectionString, clock,
            new Dictionary<string, string?> { ["Jobs:Enabled"] = "true", ["Jobs:PollInterval"] = "00:10:00" });
        var first = (await host.Queue.EnqueueAsync(Job("before start"), CancellationToken.None))!.Value;
        await host.StartAsync();
        // The worker listens before its first claim, so once the first job is done it is listening. The pause lets the
        // round that follows that job's completion finish, so that only a notification can find the next job.
        await JobRuns.WaitUntilStateAsync(database.DataSource, first, "completed");
        await Task.Delay(TimeSpan.FromMilliseconds(300));

        await using (var connection = await database.DataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await host.Queue.EnqueueAsync(connection, transaction, Job("woken"), CancellationToken.None);
            await transaction.CommitAsync();
        }

        await JobRuns.WaitUntilAsync(async () => (await JobRuns.RunsAsync(database.DataSource)).Any(run => run.Label == "woken"),
            "the notified worker ran the job");
        Assert.Equal(["before start", "woken"], (await JobRuns.RunsAsync(database.DataSource)).Select(run => run.Label));
    }

    [Fact]
    public async Task A_disabled_worker_runs_nothing_in_the_background()
    {
        await using var host = JobHost.Create(database.ConnectionString, clock,
            new Dictionary<string, string?> { ["Jobs:Enabled"] = "false", ["Jobs:PollInterval"] = "00:00:00.050" });
        await host.Queue.EnqueueAsync(Job("waits for a worker"), CancellationToken.None);
        await host.StartAsync();

        await JobRuns.WaitUntilAsync(() => Task.FromResult(host.Logs.All.Contains("Job worker disabled")), "the worker said it is disabled");
        Assert.Equal(1, await JobRuns.UnfinishedAsync(database.DataSource));
    }

    private static JobRequest Job(string label) => new(RecordingHandler.JobKind, new TestJob(label));
}
