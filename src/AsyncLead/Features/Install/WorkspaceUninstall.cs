using AsyncLead.Outbox;
using AsyncLead.Jobs;
using Dapper;
using Npgsql;

namespace AsyncLead.Features.Install;

/// <summary>
/// The app left a workspace (uninstalled, or its bot token revoked): forget the token and cancel what the workspace
/// had pending, in one transaction. Its data stays until an admin runs <c>purge-workspace</c>.
/// </summary>
public sealed partial class WorkspaceUninstall(NpgsqlDataSource dataSource, JobQueue jobs, InstallationTokenSource tokens,
    TimeProvider clock, ILogger<WorkspaceUninstall> logger)
{
    // The jobs of narrower scopes (workspace:T123/decision:42); the exact workspace scope goes through JobQueue.
    private const string CancelNarrowerScopesSql =
        """
        UPDATE jobs SET
            state = CASE state WHEN 'available' THEN 'cancelled' ELSE state END,
            finished_at = CASE state WHEN 'available' THEN @now ELSE finished_at END,
            cancelled_at = @now
        WHERE state IN ('available', 'running') AND cancelled_at IS NULL AND starts_with(scope, @prefix)
        """;

    /// <returns>How many pending jobs were cancelled.</returns>
    public async Task<int> RemoveAsync(string workspaceId, string reason, CancellationToken ct)
    {
        int cancelled;
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            await InstallationStore.DeleteAsync(connection, transaction, workspaceId, ct);
            cancelled = await CancelJobsAsync(connection, transaction, jobs, workspaceId, clock.GetUtcNow(), ct);
            await transaction.CommitAsync(ct);
        }

        tokens.Forget(workspaceId);
        LogRemoved(logger, workspaceId, reason, cancelled);
        return cancelled;
    }

    internal static async Task<int> CancelJobsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, JobQueue jobs,
        string workspaceId, DateTimeOffset now, CancellationToken ct) =>
        await jobs.CancelScopeAsync(connection, transaction, WorkspaceScope.For(workspaceId), ct)
        + await connection.ExecuteAsync(new CommandDefinition(
            CancelNarrowerScopesSql, new { prefix = WorkspaceScope.PrefixOf(workspaceId), now }, transaction, cancellationToken: ct));

    [LoggerMessage(Level = LogLevel.Information, Message = "AsyncLead removed from workspace {WorkspaceId} ({Reason}): token deleted, {Cancelled} pending jobs cancelled; data kept until purge-workspace")]
    private static partial void LogRemoved(ILogger logger, string workspaceId, string reason, int cancelled);
}
