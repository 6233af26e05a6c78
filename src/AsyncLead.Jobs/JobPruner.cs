using Dapper;
using Npgsql;

namespace AsyncLead.Jobs;

/// <summary>Retention: deletes completed and cancelled jobs older than <c>Jobs:Retention</c>, in batches (dead jobs are kept).</summary>
internal sealed class JobPruner(NpgsqlDataSource dataSource, TimeProvider clock, TimeSpan retention)
{
    /// <summary>How often a running worker prunes.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(10);

    private const int BatchSize = 1000;

    private const string PruneSql =
        """
        DELETE FROM jobs WHERE id IN (
            SELECT id FROM jobs WHERE state IN ('completed', 'cancelled') AND finished_at < @Cutoff
            LIMIT @Limit FOR UPDATE SKIP LOCKED)
        """;

    /// <returns>How many jobs were deleted.</returns>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - retention;
        var pruned = 0;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        int deleted;
        do
        {
            deleted = await connection.ExecuteAsync(new CommandDefinition(PruneSql, new { Cutoff = cutoff, Limit = BatchSize }, cancellationToken: cancellationToken));
            pruned += deleted;
        }
        while (deleted == BatchSize);
        return pruned;
    }
}
