using AsyncLead.Jobs;
using AsyncLead.Platform;
using Npgsql;

namespace AsyncLead.Features.Install;

/// <summary>
/// The app left a workspace (uninstalled, or its bot token revoked): forget the token and cancel what the workspace
/// had pending, in one transaction. Its data stays until an admin runs <c>purge-workspace</c>.
/// </summary>
public sealed partial class WorkspaceUninstall(NpgsqlDataSource dataSource, JobQueue jobs, InstallationTokenSource tokens,
    ILogger<WorkspaceUninstall> logger)
{
    /// <returns>How many pending jobs were cancelled.</returns>
    public async Task<int> RemoveAsync(string workspaceId, string reason, CancellationToken ct)
    {
        int cancelled;
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            await InstallationStore.DeleteAsync(connection, transaction, workspaceId, ct);
            cancelled = await jobs.CancelWithinScopeAsync(connection, transaction, WorkspaceScope.For(workspaceId), ct);
            await transaction.CommitAsync(ct);
        }

        tokens.Forget(workspaceId);
        LogRemoved(logger, workspaceId, reason, cancelled);
        return cancelled;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "AsyncLead removed from workspace {WorkspaceId} ({Reason}): token deleted, {Cancelled} pending jobs cancelled; data kept until purge-workspace")]
    private static partial void LogRemoved(ILogger logger, string workspaceId, string reason, int cancelled);
}
