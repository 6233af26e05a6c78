using AsyncLead.Jobs;

namespace AsyncLead.Jobs.Tests;

public sealed class JobOutcomeTests(JobsDatabase database) : IClassFixture<JobsDatabase>, IAsyncLifetime
{
    private readonly ManualClock clock = new();

    public Task InitializeAsync() => JobRuns.ResetAsync(database.DataSource);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_successful_job_is_completed_once()
    {
        await using var host = JobHost.Create(database.ConnectionString, clock);
        var id = (await host.Queue.EnqueueAsync(Job(new TestJob("post update")), CancellationToken.None))!.Value;

        Assert.Equal(1, await host.Worker.RunDueJobsAsync(CancellationToken.None));
        Assert.Equal(0, await host.Worker.RunDueJobsAsync(CancellationToken.None));

        var job = await JobRuns.JobAsync(database.DataSource, id);
        Assert.Equal(("completed", 1, clock.GetUtcNow().UtcDateTime, null), (job.State, job.Attempts, job.FinishedAt, job.LockedBy));
        Assert.Single(await JobRuns.RunsAsync(database.DataSource));
    }

    [Fact]
    public async Task Failures_back_off_exponentially_and_the_last_allowed_attempt_makes_the_job_dead()
    {
        await using var host = JobHost.Create(database.ConnectionString, clock);
        var id = (await host.Queue.EnqueueAsync(Job(new TestJob("doomed") { FailTimes = int.MaxValue }) with { MaxAttempts = 3 }, CancellationToken.None))!.Value;

        Assert.Equal(1, await host.Worker.RunDueJobsAsync(CancellationToken.None));
        var afterFirst = await JobRuns.JobAsync(database.DataSource, id);
        Assert.Equal(("available", 1), (afterFirst.State, afterFirst.Attempts));
        Assert.Contains("planned failure 1 of doomed", afterFirst.LastError);
        AssertWithin(afterFirst.RunAt - clock.GetUtcNow().UtcDateTime, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(2.5));

        clock.Advance(TimeSpan.FromSeconds(1.4));
        Assert.Equal(0, await host.Worker.RunDueJobsAsync(CancellationToken.None));

        clock.Advance(afterFirst.RunAt - clock.GetUtcNow().UtcDateTime);
        Assert.Equal(1, await host.Worker.RunDueJobsAsync(CancellationToken.None));
        var afterSecond = await JobRuns.JobAsync(database.DataSource, id);
        Assert.Equal(("available", 2), (afterSecond.State, afterSecond.Attempts));
        AssertWithin(afterSecond.RunAt - clock.GetUtcNow().UtcDateTime, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(5));

        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await host.Worker.RunDueJobsAsync(CancellationToken.None));
        var dead = await JobRuns.JobAsync(database.DataSource, id);
        Assert.Equal(("failed", 3, clock.GetUtcNow().UtcDateTime), (dead.State, dead.Attempts, dead.FinishedAt));
        Assert.Contains("planned failure 3 of doomed", dead.LastError);

        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await host.Worker.RunDueJobsAsync(CancellationToken.None));
        Assert.Contains("is dead after 3 attempts", host.Logs.All);
    }

    [Fact]
    public async Task A_job_that_fails_once_completes_on_its_retry()
    {
        await using var host = JobHost.Create(database.ConnectionString, clock);
        var id = (await host.Queue.EnqueueAsync(Job(new TestJob("flaky") { FailTimes = 1 }), CancellationToken.None))!.Value;

        Assert.Equal(1, await host.Worker.RunDueJobsAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await host.Worker.RunDueJobsAsync(CancellationToken.None));

        var job = await JobRuns.JobAsync(database.DataSource, id);
        Assert.Equal(("completed", 2), (job.State, job.Attempts));
        Assert.Equal([1, 2], (await JobRuns.RunsAsync(database.DataSource)).Select(run => run.Attempt));
    }

    [Fact]
    public async Task A_failure_a_retry_later_policy_recognises_is_put_back_for_its_time_without_spending_an_attempt()
    {
        await using var host = JobHost.Create(database.ConnectionString, clock,
            services: s => s.AddSingleton<IRetryLaterPolicy>(new PlannedFailuresMeanWait(TimeSpan.FromSeconds(45))));
        var id = (await host.Queue.EnqueueAsync(Job(new TestJob("throttled") { FailTimes = 2 }) with { MaxAttempts = 1 }, CancellationToken.None))!.Value;

        Assert.Equal(1, await host.Worker.RunDueJobsAsync(CancellationToken.None));
        var waiting = await JobRuns.JobAsync(database.DataSource, id);
        Assert.Equal(("available", 0, clock.GetUtcNow().AddSeconds(45).UtcDateTime), (waiting.State, waiting.Attempts, waiting.RunAt));

        clock.Advance(TimeSpan.FromSeconds(45));
        Assert.Equal(1, await host.Worker.RunDueJobsAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(45));
        Assert.Equal(1, await host.Worker.RunDueJobsAsync(CancellationToken.None));
        Assert.Equal(("completed", 1), ((await JobRuns.JobAsync(database.DataSource, id)).State, (await JobRuns.JobAsync(database.DataSource, id)).Attempts));
    }

    private sealed class PlannedFailuresMeanWait(TimeSpan wait) : IRetryLaterPolicy
    {
        public TimeSpan? RetryAfter(Exception exception) =>
            exception is InvalidOperationException { Message: var message } && message.StartsWith("planned failure", StringComparison.Ordinal) ? wait : null;
    }

    [Fact]
    public async Task RetryJobLater_reschedules_at_the_requested_time_without_spending_an_attempt()
    {
        await using var host = JobHost.Create(database.ConnectionString, clock);
        // One attempt allowed, two rate limits answered: were those charged, the job would be dead after the first.
        var id = (await host.Queue.EnqueueAsync(
            Job(new TestJob("rate limited") { RetryLaterTimes = 2, RetryLaterSeconds = 30 }) with { MaxAttempts = 1 }, CancellationToken.None))!.Value;

        Assert.Equal(1, await host.Worker.RunDueJobsAsync(CancellationToken.None));
        var waiting = await JobRuns.JobAsync(database.DataSource, id);
        Assert.Equal(("available", 0, clock.GetUtcNow().AddSeconds(30).UtcDateTime), (waiting.State, waiting.Attempts, waiting.RunAt));
        Assert.Contains("fake rate limit", waiting.LastError);

        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(0, await host.Worker.RunDueJobsAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await host.Worker.RunDueJobsAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(1, await host.Worker.RunDueJobsAsync(CancellationToken.None));

        var job = await JobRuns.JobAsync(database.DataSource, id);
        Assert.Equal(("completed", 1), (job.State, job.Attempts));
        Assert.Equal(3, (await JobRuns.RunsAsync(database.DataSource)).Count);
    }

    [Fact]
    public async Task A_job_of_a_kind_nobody_handles_fails_with_an_error_naming_the_kind()
    {
        await using var host = JobHost.Create(database.ConnectionString, clock);
        var id = (await host.Queue.EnqueueAsync(new JobRequest("nobody.handles.this", new { }) { MaxAttempts = 2 }, CancellationToken.None))!.Value;

        Assert.Equal(1, await host.Worker.RunDueJobsAsync(CancellationToken.None));
        var retrying = await JobRuns.JobAsync(database.DataSource, id);
        Assert.Equal(("available", 1), (retrying.State, retrying.Attempts));
        Assert.Contains("No handler for job kind 'nobody.handles.this'", retrying.LastError);
        Assert.Contains(RecordingHandler.JobKind, retrying.LastError);

        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await host.Worker.RunDueJobsAsync(CancellationToken.None));
        Assert.Equal("failed", (await JobRuns.JobAsync(database.DataSource, id)).State);
    }

    [Fact]
    public async Task Stopping_the_host_puts_a_running_job_back_without_spending_an_attempt()
    {
        var host = JobHost.Create(database.ConnectionString, clock, new Dictionary<string, string?> { ["Jobs:Enabled"] = "true" });
        await using (host)
        {
            var id = (await host.Queue.EnqueueAsync(Job(new TestJob("interrupted") { Gate = "never opened" }), CancellationToken.None))!.Value;
            await host.StartAsync();
            await JobRuns.WaitUntilStateAsync(database.DataSource, id, "running");

            await host.StopAsync();

            var job = await JobRuns.JobAsync(database.DataSource, id);
            Assert.Equal(("available", 0, null), (job.State, job.Attempts, job.LockedBy));
            Assert.Null(job.LastError);
        }
        Assert.Empty(await JobRuns.RunsAsync(database.DataSource));
    }

    private static JobRequest Job(TestJob payload) => new(RecordingHandler.JobKind, payload);

    private static void AssertWithin(TimeSpan actual, TimeSpan low, TimeSpan high) =>
        Assert.True(actual >= low && actual <= high, $"expected between {low} and {high}, got {actual}");
}
