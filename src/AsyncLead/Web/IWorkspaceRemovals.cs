namespace AsyncLead.Web;

/// <summary>When AsyncLead last left a workspace, asked by every page open so links die with the install.</summary>
public interface IWorkspaceRemovals
{
    Task<DateTimeOffset?> RemovedAtAsync(string workspaceId, CancellationToken cancellationToken);
}
