using AsyncLead.Jobs;
using Dapper;
using Npgsql;

namespace AsyncLead.Tests.Infrastructure;

/// <summary>Several replicas' job workers sharing one scenario's database and clock.</summary>
internal static class ReplicaWorkers
{
    /// <summary>
    /// Moves the clock to <paramref name="until"/>, stopping at each job's due time on the way, where every worker
    /// drains at once (as replicas racing for the same jobs) until none of them finds more.
    /// </summary>
    public static async Task RunUntilOnAllAsync(this SlackScenario s, IReadOnlyList<JobWorker> workers, DateTimeOffset until)
    {
        var dataSource = s.Host.Services.GetRequiredService<NpgsqlDataSource>();
        while (true)
        {
            int ran;
            do
            {
                ran = (await Task.WhenAll(workers.Select(w => w.RunDueJobsAsync(CancellationToken.None)))).Sum();
            }
            while (ran > 0);

            await using var connection = await dataSource.OpenConnectionAsync();
            var due = await connection.ExecuteScalarAsync<DateTime?>(
                "SELECT min(run_at) FROM jobs WHERE state = 'available' AND run_at > @now", new { now = s.Clock.GetUtcNow() });
            if (due is not { } next || new DateTimeOffset(next, TimeSpan.Zero) > until)
            {
                s.Clock.SetUtcNow(until);
                await Task.WhenAll(workers.Select(w => w.RunDueJobsAsync(CancellationToken.None)));
                return;
            }

            s.Clock.SetUtcNow(new DateTimeOffset(next, TimeSpan.Zero));
        }
    }
}
