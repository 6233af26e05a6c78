using AsyncLead.Jobs.Schema;
using Npgsql;

namespace AsyncLead.Storage;

/// <summary>Is PostgreSQL reachable and migrated to the schema this build expects?</summary>
public sealed class DatabaseReadiness(DatabaseMigrator migrator)
{
    public async Task<ReadinessState> CheckAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            var applied = await migrator.AppliedVersionAsync(timeoutSource.Token);
            var jobs = await migrator.Jobs.AppliedVersionAsync(timeoutSource.Token);
            return applied switch
            {
                null => new ReadinessState(false, null, "database not migrated yet"),
                var version when version < DatabaseMigrator.LatestVersion =>
                    new ReadinessState(false, version, $"schema version {version}, this build needs {DatabaseMigrator.LatestVersion}"),
                var version when (jobs ?? 0) < JobSchema.LatestVersion =>
                    new ReadinessState(false, version, $"job queue schema version {jobs ?? 0}, this build needs {JobSchema.LatestVersion}"),
                var version => new ReadinessState(true, version, null),
            };
        }
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            return new ReadinessState(false, null, "PostgreSQL unreachable");
        }
    }
}
