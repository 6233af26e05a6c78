using AsyncLead.Jobs;

namespace AsyncLead.SandboxMode;

/// <summary>
/// The sandbox's job runner in place of the queue's background loop (off in sandbox mode): due jobs run a moment
/// after they fall due, and never while a control is moving the clock, so a jump returns with everything it made
/// due already done.
/// </summary>
internal sealed class SandboxJobs(JobWorker worker) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(200);

    /// <summary>Held by whoever changes the sandbox as a whole (reset, a jump, the sample week) and by each tick.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>Runs every job due at the clock's now, and the jobs those make due, until none is; returns how many ran. The caller holds <see cref="Gate"/>.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        for (var ran = await worker.RunDueJobsAsync(cancellationToken); ran > 0; ran = await worker.RunDueJobsAsync(cancellationToken))
        {
            total += ran;
        }

        return total;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await Gate.WaitAsync(stoppingToken);
            try
            {
                await RunDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException)
            {
                // The database went away for a moment (e.g. a reset's truncate); the next tick tries again.
            }
            finally
            {
                Gate.Release();
            }
        }
    }
}
