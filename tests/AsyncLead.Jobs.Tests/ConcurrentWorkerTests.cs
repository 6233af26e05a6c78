using AsyncLead.Jobs;
using Dapper;

namespace AsyncLead.Jobs.Tests;

/// <summary>Several hosts (each its own connection pool) draining one database at once.</summary>
public sealed class ConcurrentWorkerTests(JobsDatabase database) : IClassFixture<JobsDatabase>, IAsyncLifetime
{
    private static readonly Dictionary<string, string?> EightSlots = new() { ["Jobs:Concurrency"] = "8", ["Jobs:BatchSize"] = "8" };

    private readonly ManualClock clock = new();

    public Task InitializeAsync() => JobRuns.ResetAsync(database.DataSource);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Three_workers_draining_two_thousand_jobs_run_each_exactly_once()
    {
        await using var first = JobHost.Create(database.ConnectionString, clock, EightSlots);
        await using var second = JobHost.Create(database.ConnectionString, clock, EightSlots);
        await using var third = JobHost.Create(database.ConnectionString, clock, EightSlots);
        await EnqueueAsync(first.Queue, Enumerable.Range(0, 2000).Select(i => Job(new TestJob($"reminder {i}"))));

        await DrainTogetherAsync(first, second, third);

        var runs = await JobRuns.RunsAsync(database.DataSource);
        Assert.Equal(2000, runs.Count);
        Assert.Equal(2000, runs.Select(run => run.JobId).Distinct().Count());
        Assert.All(await JobRuns.JobsAsync(database.DataSource), job => Assert.Equal(("completed", 1), (job.State, job.Attempts)));
        // Proof the workers really competed, not that one of them happened to do everything.
        Assert.True(runs.Select(run => run.Worker).Distinct().Count() >= 2, "only one worker ran jobs");
    }

    [Fact]
    public async Task Jobs_sharing_a_queue_run_one_at_a_time_in_enqueue_order_across_workers()
    {
        await using var first = JobHost.Create(database.ConnectionString, clock, EightSlots);
        await using var second = JobHost.Create(database.ConnectionString, clock, EightSlots);
        await using var third = JobHost.Create(database.ConnectionString, clock, EightSlots);
        var threads = new[] { "C1:1700000000.000100", "C1:1700000000.000200", "C2:1700000000.000300", "C3:1700000000.000400" };
        // Interleaved across threads, with unqueued jobs among them, so every claim sees several queues at once.
        var requests = Enumerable.Range(0, 25).SelectMany(i => threads
            .Select(thread => Job(new TestJob($"{thread}#{i:D2}") { HoldMilliseconds = 2 }) with { QueueName = thread })
            .Append(Job(new TestJob($"unqueued {i}"))));
        await EnqueueAsync(first.Queue, requests);

        await DrainTogetherAsync(first, second, third);

        var runs = await JobRuns.RunsAsync(database.DataSource);
        Assert.Equal(125, runs.Count);
        foreach (var thread in threads)
        {
            var inQueue = runs.Where(run => run.QueueName == thread).ToList();
            Assert.Equal(Enumerable.Range(0, 25).Select(i => $"{thread}#{i:D2}"), inQueue.Select(run => run.Label));
            // started/ended come from one sequence: a run starting before the previous one ended would be an overlap.
            Assert.All(inQueue.Zip(inQueue.Skip(1)), pair => Assert.True(pair.First.Ended < pair.Second.Started,
                $"{pair.Second.Label} started while {pair.First.Label} was still running"));
        }
        Assert.True(runs.Where(run => run.QueueName is not null).Select(run => run.Worker).Distinct().Count() >= 2, "only one worker ran queued jobs");
    }

    [Fact]
    public async Task A_failed_queued_job_holds_its_queue_until_its_retry_succeeds()
    {
        await using var host = JobHost.Create(database.ConnectionString, clock);
        await host.Queue.EnqueueAsync(Job(new TestJob("first post") { FailTimes = 1 }) with { QueueName = "C1:thread" }, CancellationToken.None);
        await host.Queue.EnqueueAsync(Job(new TestJob("second post")) with { QueueName = "C1:thread" }, CancellationToken.None);
        await host.Queue.EnqueueAsync(Job(new TestJob("other thread")) with { QueueName = "C1:other" }, CancellationToken.None);

        Assert.Equal(2, await host.Worker.RunDueJobsAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(2, await host.Worker.RunDueJobsAsync(CancellationToken.None));

        var thread = (await JobRuns.RunsAsync(database.DataSource)).Where(run => run.QueueName == "C1:thread").Select(run => run.Label);
        Assert.Equal(["first post", "first post", "second post"], thread);
    }

    [Fact]
    public async Task A_job_that_commits_late_with_an_earlier_id_waits_for_the_running_job_of_its_queue()
    {
        await using var host = JobHost.Create(database.ConnectionString, clock);
        await using var other = JobHost.Create(database.ConnectionString, clock);
        await using var slowConnection = await database.DataSource.OpenConnectionAsync();
        await using var slowTransaction = await slowConnection.BeginTransactionAsync();
        var late = (await host.Queue.EnqueueAsync(slowConnection, slowTransaction, Job(new TestJob("committed late")) with { QueueName = "C1:thread" }, CancellationToken.None))!.Value;
        var running = (await host.Queue.EnqueueAsync(Job(new TestJob("running") { Gate = "running" }) with { QueueName = "C1:thread" }, CancellationToken.None))!.Value;
        var drain = host.Worker.RunDueJobsAsync(CancellationToken.None);
        await JobRuns.WaitUntilStateAsync(database.DataSource, running, "running");

        await slowTransaction.CommitAsync();
        Assert.True(late < running);
        Assert.Equal(0, await other.Worker.RunDueJobsAsync(CancellationToken.None));

        host.Gates.Open("running");
        await drain;
        await other.Worker.RunDueJobsAsync(CancellationToken.None);
        var runs = await JobRuns.RunsAsync(database.DataSource);
        Assert.Equal(["running", "committed late"], runs.Select(run => run.Label));
        Assert.True(runs[0].Ended < runs[1].Started);
    }

    private static JobRequest Job(TestJob payload) => new(RecordingHandler.JobKind, payload);

    private async Task EnqueueAsync(JobQueue queue, IEnumerable<JobRequest> requests)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var request in requests)
        {
            await queue.EnqueueAsync(connection, transaction, request, CancellationToken.None);
        }
        await transaction.CommitAsync();
    }

    /// <summary>Each host drains over and over until no job is unfinished, all at once; fails after a generous minute.</summary>
    private async Task DrainTogetherAsync(params JobHost[] hosts)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        using var start = new Barrier(hosts.Length);
        await Task.WhenAll(hosts.Select(host => Task.Run(async () =>
        {
            start.SignalAndWait(deadline.Token);
            while (await JobRuns.UnfinishedAsync(database.DataSource) > 0)
            {
                if (await host.Worker.RunDueJobsAsync(deadline.Token) == 0)
                {
                    await Task.Delay(5, deadline.Token);
                }
            }
        })));
        await using var connection = await database.DataSource.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM jobs WHERE state <> 'completed'"));
    }
}
