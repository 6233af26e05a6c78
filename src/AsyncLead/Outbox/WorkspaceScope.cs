using AsyncLead.Jobs;

namespace AsyncLead.Outbox;

/// <summary>
/// The job <c>Scope</c> convention that lets an uninstall cancel everything a workspace has pending: a workspace-wide
/// job uses <c>workspace:T123</c>, a job that also belongs to something smaller (a decision doc, a thread) uses a scope
/// nested within it, <c>workspace:T123/decision:42</c>, which can still be cancelled on its own by that exact scope.
/// </summary>
public static class WorkspaceScope
{
    public static string For(string workspaceId) => $"workspace:{workspaceId}";

    public static string For(string workspaceId, string part) => $"{For(workspaceId)}{JobQueue.ScopeSeparator}{part}";
}
