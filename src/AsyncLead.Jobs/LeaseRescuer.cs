using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AsyncLead.Jobs;

/// <summary>
/// Rescue: a running job whose lease expired belongs to a worker that died or lost the database. The run counts as an
/// attempt (it may have been the job that killed it), and the job is due again at once.
/// </summary>
internal sealed partial class LeaseRescuer(NpgsqlDataSource dataSource, TimeProvider clock, TimeSpan leaseDuration, ILogger logger)
{
    private const int BatchSize = 1000;

    private const string RescueSql =
        """
        UPDATE jobs SET
            state = CASE WHEN cancelled_at IS NOT NULL THEN 'cancelled' WHEN attempts >= max_attempts THEN 'failed' ELSE 'available' END,
            finished_at = CASE WHEN cancelled_at IS NOT NULL OR attempts >= max_attempts THEN @Now END,
            run_at = @Now,
            last_error = 'Lease expired: worker ' || locked_by || ' stopped renewing it (it died or lost the database).',
            locked_at = NULL, locked_by = NULL
        FROM (
            SELECT id FROM jobs WHERE state = 'running' AND locked_at < @ExpiredBefore
            LIMIT @Limit FOR UPDATE SKIP LOCKED
        ) AS expired
        WHERE jobs.id = expired.id
        """;

    public async Task RescueExpiredAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        int rescued;
        do
        {
            rescued = await connection.ExecuteAsync(new CommandDefinition(RescueSql,
                new { Now = now, ExpiredBefore = now - leaseDuration, Limit = BatchSize }, cancellationToken: cancellationToken));
            if (rescued > 0)
            {
                LogRescued(logger, rescued);
            }
        }
        while (rescued == BatchSize);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rescued {Count} job(s) whose worker stopped renewing their lease")]
    private static partial void LogRescued(ILogger logger, int count);
}
