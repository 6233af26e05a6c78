using AsyncLead.Outbox;
using AsyncLead.Jobs;
using Dapper;
using Npgsql;

namespace AsyncLead.Features.Install;

/// <summary>
/// The app left a workspace (uninstalled, or its bot token revoked): forget the token and cancel what the workspace
/// had pending, in one transaction. An org-wide install's jobs are scoped to the workspaces it acts in (linked in
/// <c>installation_teams</c>), so leaving an organisation cancels those of each of them (but those of a workspace with an
/// install of its own, which keeps its own token). Page links issued until now stop working. Its data stays until an
/// admin runs <c>purge-workspace</c>.
/// </summary>
public sealed partial class WorkspaceUninstall(NpgsqlDataSource dataSource, JobQueue jobs, InstallationTokenSource tokens,
    TimeProvider clock, ILogger<WorkspaceUninstall> logger)
{
    /// <returns>How many pending jobs were cancelled.</returns>
    public async Task<int> RemoveAsync(string workspaceId, string reason, CancellationToken ct)
    {
        var cancelled = 0;
        IReadOnlyList<string> linked;
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            // Read before the delete, which takes the links with it.
            linked = await InstallationStore.TeamsActingThroughAsync(connection, transaction, workspaceId, ct);
            await InstallationStore.DeleteAsync(connection, transaction, workspaceId, ct);
            foreach (var workspace in linked.Prepend(workspaceId))
            {
                cancelled += await jobs.CancelWithinScopeAsync(connection, transaction, WorkspaceScope.For(workspace), ct);
                await InstallationStore.RecordRemovalAsync(connection, transaction, workspace, clock.GetUtcNow(), ct);
            }
            await transaction.CommitAsync(ct);
        }

        foreach (var workspace in linked.Prepend(workspaceId))
        {
            tokens.Forget(workspace);
        }
        LogRemoved(logger, workspaceId, reason, linked.Count, cancelled);
        return cancelled;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "AsyncLead removed from workspace {WorkspaceId} ({Reason}): token deleted, {Cancelled} pending jobs cancelled (its own and those of {Linked} workspace(s) it acted in); data kept until purge-workspace")]
    private static partial void LogRemoved(ILogger logger, string workspaceId, string reason, int linked, int cancelled);
}
