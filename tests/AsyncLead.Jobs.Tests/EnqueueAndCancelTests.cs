using AsyncLead.Jobs;
using Dapper;

namespace AsyncLead.Jobs.Tests;

public sealed class EnqueueAndCancelTests(JobsDatabase database) : IClassFixture<JobsDatabase>, IAsyncLifetime
{
    private readonly ManualClock clock = new();

    public Task InitializeAsync() => JobRuns.ResetAsync(database.DataSource);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_job_enqueued_in_a_transaction_exists_only_if_that_transaction_commits()
    {
        await using var host = JobHost.Create(database.ConnectionString, clock);
        await using var connection = await database.DataSource.OpenConnectionAsync();

        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await connection.ExecuteAsync("CREATE TABLE weekly_updates_probe (id int)", transaction: transaction);
            Assert.NotNull(await host.Queue.EnqueueAsync(connection, transaction, Job("rolled back"), CancellationToken.None));
            await transaction.RollbackAsync();
        }
        Assert.Empty(await JobRuns.JobsAsync(database.DataSource));
        Assert.Null(await connection.ExecuteScalarAsync<string?>("SELECT to_regclass('weekly_updates_probe')::text"));

        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await host.Queue.EnqueueAsync(connection, transaction, Job("committed"), CancellationToken.None);
            // Workers use their own connections: until the commit, there is nothing for them to run.
            Assert.Equal(0, await host.Worker.RunDueJobsAsync(CancellationToken.None));
            await transaction.CommitAsync();
        }

        Assert.Equal(1, await host.Worker.RunDueJobsAsync(CancellationToken.None));
        Assert.Equal(["committed"], (await JobRuns.RunsAsync(database.DataSource)).Select(run => run.Label));
    }

    [Fact]
    public async Task Jobs_enqueued_together_all_exist_or_none_does()
    {
        await using var host = JobHost.Create(database.ConnectionString, clock);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            host.Queue.EnqueueAllAsync([Job("first"), Job("refused") with { MaxAttempts = 0 }], CancellationToken.None));
        Assert.Empty(await JobRuns.JobsAsync(database.DataSource));

        await host.Queue.EnqueueAllAsync([Job("first"), Job("second")], CancellationToken.None);
        Assert.Equal(["first", "second"], (await JobRuns.JobsAsync(database.DataSource)).Select(job => job.Label).Order());
    }

    [Fact]
    public async Task A_second_enqueue_with_a_key_is_ignored_while_the_first_is_unfinished_and_accepted_after_it_finished()
    {
        await using var host = JobHost.Create(database.ConnectionString, clock);
        var first = await host.Queue.EnqueueAsync(Job("first") with { JobKey = "remind:doc-1", RunAt = clock.GetUtcNow().AddHours(1) }, CancellationToken.None);
        var duplicate = await host.Queue.EnqueueAsync(Job("duplicate") with { JobKey = "remind:doc-1" }, CancellationToken.None);

        Assert.NotNull(first);
        Assert.Null(duplicate);
        var pending = Assert.Single(await JobRuns.JobsAsync(database.DataSource));
        Assert.Equal(("first", clock.GetUtcNow().AddHours(1).UtcDateTime), (pending.Label, pending.RunAt));

        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await host.Worker.RunDueJobsAsync(CancellationToken.None));

        var again = await host.Queue.EnqueueAsync(Job("again") with { JobKey = "remind:doc-1" }, CancellationToken.None);
        Assert.NotNull(again);
        Assert.NotEqual(first, again);
    }

    [Fact]
    public async Task Replace_moves_the_pending_job_to_the_new_time_and_payload()
    {
        await using var host = JobHost.Create(database.ConnectionString, clock);
        var original = await host.Queue.EnqueueAsync(Job("deadline tuesday") with { JobKey = "remind:doc-2", RunAt = clock.GetUtcNow().AddHours(1) }, CancellationToken.None);

        var replaced = await host.Queue.EnqueueAsync(
            Job("deadline wednesday") with { JobKey = "remind:doc-2", OnConflict = JobKeyConflict.Replace, RunAt = clock.GetUtcNow().AddHours(2) },
            CancellationToken.None);

        Assert.Equal(original, replaced);
        var pending = Assert.Single(await JobRuns.JobsAsync(database.DataSource));
        Assert.Equal(("deadline wednesday", clock.GetUtcNow().AddHours(2).UtcDateTime), (pending.Label, pending.RunAt));

        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await host.Worker.RunDueJobsAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await host.Worker.RunDueJobsAsync(CancellationToken.None));
        Assert.Equal(["deadline wednesday"], (await JobRuns.RunsAsync(database.DataSource)).Select(run => run.Label));
    }

    [Fact]
    public async Task Replace_while_the_job_runs_lets_it_finish_without_retries_and_enqueues_the_replacement()
    {
        await using var host = JobHost.Create(database.ConnectionString, clock);
        var running = (await host.Queue.EnqueueAsync(Job(new TestJob("outdated") { Gate = "outdated", FailTimes = 1 }) with { JobKey = "post:1" }, CancellationToken.None))!.Value;
        var drain = host.Worker.RunDueJobsAsync(CancellationToken.None);
        await JobRuns.WaitUntilStateAsync(database.DataSource, running, "running");

        var replacement = await host.Queue.EnqueueAsync(
            Job("replacement") with { JobKey = "post:1", OnConflict = JobKeyConflict.Replace }, CancellationToken.None);
        host.Gates.Open("outdated");
        await drain;
        await host.Worker.RunDueJobsAsync(CancellationToken.None);

        Assert.NotEqual(running, replacement);
        var outdated = await JobRuns.JobAsync(database.DataSource, running);
        Assert.Equal(("cancelled", 1), (outdated.State, outdated.Attempts));
        Assert.Contains("planned failure 1 of outdated", outdated.LastError);
        Assert.Equal("completed", (await JobRuns.JobAsync(database.DataSource, replacement!.Value)).State);
        Assert.Equal(["outdated", "replacement"], (await JobRuns.RunsAsync(database.DataSource)).Select(run => run.Label));
    }

    [Fact]
    public async Task Cancelling_a_key_stops_its_pending_job_and_nothing_else()
    {
        await using var host = JobHost.Create(database.ConnectionString, clock);
        var cancelled = (await host.Queue.EnqueueAsync(Job("cancelled") with { JobKey = "nudge:U1" }, CancellationToken.None))!.Value;
        await host.Queue.EnqueueAsync(Job("kept") with { JobKey = "nudge:U2" }, CancellationToken.None);

        Assert.Equal(1, await host.Queue.CancelAsync("nudge:U1", CancellationToken.None));
        Assert.Equal(0, await host.Queue.CancelAsync("nudge:U1", CancellationToken.None));
        Assert.Equal(1, await host.Worker.RunDueJobsAsync(CancellationToken.None));

        var job = await JobRuns.JobAsync(database.DataSource, cancelled);
        Assert.Equal(("cancelled", clock.GetUtcNow().UtcDateTime), (job.State, job.FinishedAt));
        Assert.Equal(["kept"], (await JobRuns.RunsAsync(database.DataSource)).Select(run => run.Label));
    }

    [Fact]
    public async Task Cancelling_a_scope_cancels_its_pending_jobs_and_its_running_job_finishes_without_a_retry()
    {
        await using var host = JobHost.Create(database.ConnectionString, clock);
        var later = clock.GetUtcNow().AddHours(1);
        var running = (await host.Queue.EnqueueAsync(Job(new TestJob("running") { Gate = "running", FailTimes = 1 }) with { Scope = "T1" }, CancellationToken.None))!.Value;
        var pending = (await host.Queue.EnqueueAsync(Job("pending") with { Scope = "T1", RunAt = later }, CancellationToken.None))!.Value;
        var otherScope = (await host.Queue.EnqueueAsync(Job("other workspace") with { Scope = "T2", RunAt = later }, CancellationToken.None))!.Value;
        var drain = host.Worker.RunDueJobsAsync(CancellationToken.None);
        await JobRuns.WaitUntilStateAsync(database.DataSource, running, "running");

        Assert.Equal(2, await host.Queue.CancelScopeAsync("T1", CancellationToken.None));
        Assert.Equal("running", (await JobRuns.JobAsync(database.DataSource, running)).State);
        host.Gates.Open("running");
        await drain;
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await host.Worker.RunDueJobsAsync(CancellationToken.None));

        Assert.Equal(("cancelled", 1), Summary(await JobRuns.JobAsync(database.DataSource, running)));
        Assert.Equal(("cancelled", 0), Summary(await JobRuns.JobAsync(database.DataSource, pending)));
        Assert.Equal(("completed", 1), Summary(await JobRuns.JobAsync(database.DataSource, otherScope)));
        Assert.Equal(["running", "other workspace"], (await JobRuns.RunsAsync(database.DataSource)).Select(run => run.Label));
    }

    [Fact]
    public async Task Cancelling_within_a_scope_cancels_it_and_every_scope_nested_in_it_but_not_a_scope_that_only_starts_alike()
    {
        await using var host = JobHost.Create(database.ConnectionString, clock);
        var later = clock.GetUtcNow().AddHours(1);
        var whole = (await host.Queue.EnqueueAsync(Job("whole") with { Scope = "workspace:T1", RunAt = later }, CancellationToken.None))!.Value;
        var nested = (await host.Queue.EnqueueAsync(Job("nested") with { Scope = "workspace:T1/decision:7", RunAt = later }, CancellationToken.None))!.Value;
        var alike = (await host.Queue.EnqueueAsync(Job("alike") with { Scope = "workspace:T10", RunAt = later }, CancellationToken.None))!.Value;
        var unscoped = (await host.Queue.EnqueueAsync(Job("unscoped") with { RunAt = later }, CancellationToken.None))!.Value;

        await using (var connection = await database.DataSource.OpenConnectionAsync())
        {
            Assert.Equal(2, await host.Queue.CancelWithinScopeAsync(connection, null, "workspace:T1", CancellationToken.None));
        }

        Assert.Equal(["cancelled", "cancelled", "available", "available"],
            (await Task.WhenAll(new[] { whole, nested, alike, unscoped }.Select(id => JobRuns.JobAsync(database.DataSource, id)))).Select(job => job.State));
    }

    [Fact]
    public async Task The_next_run_of_some_keys_is_their_earliest_pending_job_and_null_once_none_is_pending()
    {
        await using var host = JobHost.Create(database.ConnectionString, clock);
        var first = clock.GetUtcNow().AddHours(2);
        await host.Queue.EnqueueAsync(Job("second") with { JobKey = "nudge:2", RunAt = first.AddHours(1) }, CancellationToken.None);
        await host.Queue.EnqueueAsync(Job("first") with { JobKey = "nudge:1", RunAt = first }, CancellationToken.None);
        await host.Queue.EnqueueAsync(Job("unasked") with { JobKey = "other", RunAt = first.AddHours(-1) }, CancellationToken.None);

        Assert.Equal(first, await host.Queue.NextRunAtAsync(["nudge:1", "nudge:2"], CancellationToken.None));
        await host.Queue.CancelAsync("nudge:1", CancellationToken.None);
        Assert.Equal(first.AddHours(1), await host.Queue.NextRunAtAsync(["nudge:1", "nudge:2"], CancellationToken.None));
        await host.Queue.CancelAsync("nudge:2", CancellationToken.None);
        Assert.Null(await host.Queue.NextRunAtAsync(["nudge:1", "nudge:2"], CancellationToken.None));
    }

    [Fact]
    public async Task Statistics_count_due_jobs_the_oldest_ones_wait_and_dead_jobs()
    {
        await using var host = JobHost.Create(database.ConnectionString, clock);
        await host.Queue.EnqueueAsync(Job("due") with { RunAt = clock.GetUtcNow().AddMinutes(-5) }, CancellationToken.None);
        await host.Queue.EnqueueAsync(Job("due too"), CancellationToken.None);
        await host.Queue.EnqueueAsync(Job("later") with { RunAt = clock.GetUtcNow().AddMinutes(5) }, CancellationToken.None);
        await host.Queue.EnqueueAsync(Job(new TestJob("dies") { FailTimes = 1 }) with { MaxAttempts = 1 }, CancellationToken.None);
        Assert.Equal(new JobQueueStatistics(3, 300, 0), host.Queue.ReadStatistics());

        // Runs the three due jobs; one of them dies.
        await host.Worker.RunDueJobsAsync(CancellationToken.None);

        Assert.Equal(new JobQueueStatistics(0, 0, 1), host.Queue.ReadStatistics());
    }

    [Fact]
    public async Task A_cancelled_running_job_that_succeeds_is_completed()
    {
        await using var host = JobHost.Create(database.ConnectionString, clock);
        var id = (await host.Queue.EnqueueAsync(Job(new TestJob("finishes") { Gate = "finishes" }) with { JobKey = "digest:W10" }, CancellationToken.None))!.Value;
        var drain = host.Worker.RunDueJobsAsync(CancellationToken.None);
        await JobRuns.WaitUntilStateAsync(database.DataSource, id, "running");

        Assert.Equal(1, await host.Queue.CancelAsync("digest:W10", CancellationToken.None));
        host.Gates.Open("finishes");
        await drain;

        var job = await JobRuns.JobAsync(database.DataSource, id);
        Assert.Equal("completed", job.State);
        Assert.NotNull(job.CancelledAt);
    }

    private static JobRequest Job(string label) => new(RecordingHandler.JobKind, new TestJob(label));

    private static JobRequest Job(TestJob payload) => new(RecordingHandler.JobKind, payload);

    private static (string State, int Attempts) Summary(JobRuns.Job job) => (job.State, job.Attempts);
}
