using AsyncLead.Jobs;
using Dapper;
using Npgsql;

namespace AsyncLead.Jobs.Tests;

/// <summary>The claim's query plans with a production-sized table: a million rows, almost all finished or in the future.</summary>
public sealed class ClaimPlanTests(ClaimPlanTests.MillionJobs jobs) : IClassFixture<ClaimPlanTests.MillionJobs>
{
    private static readonly DateTimeOffset Now = ManualClock.Monday;

    [Fact]
    public async Task Claiming_due_jobs_uses_the_due_index_and_would_scan_the_table_without_it()
    {
        await using var connection = await jobs.Database.DataSource.OpenConnectionAsync();

        var plan = await ExplainAsync(connection, JobClaimer.ClaimSql);
        Assert.DoesNotContain("Seq Scan on jobs", plan);
        Assert.Contains("jobs_due", plan);

        // Control: the table is big enough that, without the index, the planner does scan it.
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("DROP INDEX jobs_due", transaction: transaction);
        Assert.Contains("Seq Scan on jobs", await ExplainAsync(connection, JobClaimer.ClaimSql));
        await transaction.RollbackAsync();
    }

    [Fact]
    public async Task Claiming_queue_heads_uses_indexes_only()
    {
        await using var connection = await jobs.Database.DataSource.OpenConnectionAsync();

        var plan = await ExplainAsync(connection, JobClaimer.ClaimQueueHeadsSql);

        Assert.DoesNotContain("Seq Scan", plan);
        Assert.Contains("jobs_due_queued", plan);
        Assert.Contains("jobs_queue_unfinished", plan);
    }

    private static async Task<string> ExplainAsync(NpgsqlConnection connection, string claimSql)
    {
        var lines = await connection.QueryAsync<string>("EXPLAIN " + claimSql, new { Now, Worker = "explain", Limit = 50 });
        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>A database of its own, filled once for the class and analysed, as the planner sees production.</summary>
    public sealed class MillionJobs : IAsyncLifetime
    {
        public JobsDatabase Database { get; } = new();

        public async Task InitializeAsync()
        {
            await Database.InitializeAsync();
            await using var connection = await Database.DataSource.OpenConnectionAsync();
            // 90% completed a week ago, 10% scheduled for later (a tenth of those in queues), 100 due now, 100 due in queues.
            await connection.ExecuteAsync(
                """
                INSERT INTO jobs (kind, payload, state, run_at, attempts, max_attempts, queue_name, created_at, finished_at)
                SELECT 'bulk', '{}',
                       CASE WHEN i % 10 = 0 THEN 'available' ELSE 'completed' END,
                       CASE WHEN i % 10 = 0 THEN @Now + i * interval '1 second' ELSE @Now - interval '7 days' END,
                       CASE WHEN i % 10 = 0 THEN 0 ELSE 1 END, 20,
                       CASE WHEN i % 100 = 0 THEN 'C' || (i % 1000) END,
                       @Now - interval '7 days',
                       CASE WHEN i % 10 = 0 THEN NULL ELSE @Now - interval '7 days' END
                FROM generate_series(1, 1000000) AS i;

                INSERT INTO jobs (kind, payload, state, run_at, max_attempts, queue_name, created_at)
                SELECT 'due', '{}', 'available', @Now - interval '1 minute', 20, CASE WHEN i > 100 THEN 'thread ' || i END, @Now
                FROM generate_series(1, 200) AS i;

                ANALYZE jobs;
                """, new { Now }, commandTimeout: 300);
        }

        public Task DisposeAsync() => Database.DisposeAsync();
    }
}
