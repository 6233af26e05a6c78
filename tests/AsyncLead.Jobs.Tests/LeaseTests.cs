using AsyncLead.Jobs;
using Dapper;

namespace AsyncLead.Jobs.Tests;

public sealed class LeaseTests(JobsDatabase database) : IClassFixture<JobsDatabase>, IAsyncLifetime
{
    private readonly ManualClock clock = new();

    public Task InitializeAsync() => JobRuns.ResetAsync(database.DataSource);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_job_whose_worker_died_is_rescued_after_its_lease_expires_and_the_lost_run_counts_as_an_attempt()
    {
        await using var dead = Host("00:01:00");
        await using var alive = Host("00:01:00");
        var id = (await alive.Queue.EnqueueAsync(Job(new TestJob("orphan")), CancellationToken.None))!.Value;
        // The dead worker claims and then never runs, renews or records anything: as after kill -9.
        Assert.Single(await dead.Worker.ClaimAsync(10, CancellationToken.None));

        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(0, await alive.Worker.RunDueJobsAsync(CancellationToken.None));
        Assert.Equal(("running", dead.Worker.WorkerId), Summary(await JobRuns.JobAsync(database.DataSource, id)));

        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, await alive.Worker.RunDueJobsAsync(CancellationToken.None));

        var job = await JobRuns.JobAsync(database.DataSource, id);
        Assert.Equal(("completed", 2), (job.State, job.Attempts));
        Assert.Contains($"Lease expired: worker {dead.Worker.WorkerId}", job.LastError);
        var run = Assert.Single(await JobRuns.RunsAsync(database.DataSource));
        Assert.Equal((alive.Worker.WorkerId, 2), (run.Worker, run.Attempt));
    }

    [Fact]
    public async Task A_job_rescued_from_its_last_allowed_attempt_is_dead()
    {
        await using var dead = Host("00:01:00");
        await using var alive = Host("00:01:00");
        var id = (await alive.Queue.EnqueueAsync(Job(new TestJob("crashes its worker")) with { MaxAttempts = 1 }, CancellationToken.None))!.Value;
        await dead.Worker.ClaimAsync(10, CancellationToken.None);

        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(0, await alive.Worker.RunDueJobsAsync(CancellationToken.None));

        var job = await JobRuns.JobAsync(database.DataSource, id);
        Assert.Equal(("failed", 1, null), (job.State, job.Attempts, job.LockedBy));
        Assert.Contains("Lease expired", job.LastError);
    }

    [Fact]
    public async Task Heartbeats_keep_a_long_running_job_from_being_rescued()
    {
        // A 3 s lease is renewed every second (real time) while the handler waits at its gate.
        await using var busy = Host("00:00:03");
        await using var other = Host("00:00:03");
        var id = (await busy.Queue.EnqueueAsync(Job(new TestJob("long") { Gate = "long" }), CancellationToken.None))!.Value;
        var claimedAt = clock.GetUtcNow();
        var drain = busy.Worker.RunDueJobsAsync(CancellationToken.None);
        await JobRuns.WaitUntilStateAsync(database.DataSource, id, "running");

        clock.Advance(TimeSpan.FromSeconds(2));
        await JobRuns.WaitUntilAsync(async () => await LockedAtAsync(id) > claimedAt.UtcDateTime, "a heartbeat renewed the lease");
        clock.Advance(TimeSpan.FromSeconds(2));

        // Past the first lease's end, but not past the renewed one.
        Assert.Equal(0, await other.Worker.RunDueJobsAsync(CancellationToken.None));
        busy.Gates.Open("long");
        Assert.Equal(1, await drain);

        var job = await JobRuns.JobAsync(database.DataSource, id);
        Assert.Equal(("completed", 1), (job.State, job.Attempts));
    }

    [Fact]
    public async Task A_worker_that_outlives_its_lease_cannot_overwrite_the_job_another_worker_took_over()
    {
        await using var slow = Host("00:01:00");
        await using var rescuer = Host("00:01:00");
        var id = (await slow.Queue.EnqueueAsync(Job(new TestJob("stalled") { Gate = "stalled", FailTimes = 1 }), CancellationToken.None))!.Value;
        var slowDrain = slow.Worker.RunDueJobsAsync(CancellationToken.None);
        await JobRuns.WaitUntilStateAsync(database.DataSource, id, "running");

        clock.Advance(TimeSpan.FromMinutes(2));
        var rescue = rescuer.Worker.RunDueJobsAsync(CancellationToken.None);
        await JobRuns.WaitUntilAsync(async () => (await JobRuns.JobAsync(database.DataSource, id)).LockedBy == rescuer.Worker.WorkerId, "the rescuer holds the job");

        // The slow worker comes back and its stale run fails: that must not touch the rescuer's run.
        slow.Gates.Open("stalled");
        await slowDrain;
        Assert.Equal(("running", rescuer.Worker.WorkerId), Summary(await JobRuns.JobAsync(database.DataSource, id)));
        Assert.Contains("finished after its lease was lost", slow.Logs.All);

        rescuer.Gates.Open("stalled");
        Assert.Equal(1, await rescue);
        var job = await JobRuns.JobAsync(database.DataSource, id);
        Assert.Equal(("completed", 2), (job.State, job.Attempts));
    }

    private JobHost Host(string lease) =>
        JobHost.Create(database.ConnectionString, clock, new Dictionary<string, string?> { ["Jobs:LeaseDuration"] = lease });

    private async Task<DateTime> LockedAtAsync(long id)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<DateTime>("SELECT locked_at FROM jobs WHERE id = @id", new { id });
    }

    private static JobRequest Job(TestJob payload) => new(RecordingHandler.JobKind, payload);

    private static (string State, string? LockedBy) Summary(JobRuns.Job job) => (job.State, job.LockedBy);
}
