using AsyncLead.Jobs;
using Npgsql;

namespace AsyncLead.Outbox;

/// <summary>
/// Asks for a person's Home tab to be published again. Enqueued inside the transaction that changes what the tab shows,
/// so the refresh commits with the change; publishing itself is a job, never work on the ack path.
/// </summary>
public static class HomeRefresh
{
    public const string JobKind = "home.publish";

    /// <summary>
    /// One pending publish per person: a burst of changes replaces the pending job instead of adding more, and a change
    /// made while a publish is running supersedes it with a new one, so what is published is never older than the change.
    /// </summary>
    public static JobRequest Request(string workspaceId, string userId) =>
        new(JobKind, new Payload(workspaceId, userId))
        {
            JobKey = $"home:{workspaceId}:{userId}",
            OnConflict = JobKeyConflict.Replace,
            Scope = WorkspaceScope.For(workspaceId),
        };

    /// <summary>Enqueues a refresh for each distinct person of <paramref name="userIds"/> inside the caller's transaction.</summary>
    public static async Task EnqueueAsync(JobQueue queue, NpgsqlConnection connection, NpgsqlTransaction transaction, string workspaceId,
        IEnumerable<string?> userIds, CancellationToken ct)
    {
        // Always in the same order, so two transactions refreshing the same people never wait on each other crosswise.
        foreach (var userId in userIds.OfType<string>().Where(id => id.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            await queue.EnqueueAsync(connection, transaction, Request(workspaceId, userId), ct);
        }
    }

    /// <summary>
    /// The same, each in a short transaction of its own: for a job that has just made a change visible to people other
    /// than the one who made it (an update posted, seen by the team's lead).
    /// </summary>
    public static async Task EnqueueAsync(JobQueue queue, string workspaceId, IEnumerable<string?> userIds, CancellationToken ct)
    {
        foreach (var userId in userIds.OfType<string>().Where(id => id.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            await queue.EnqueueAsync(Request(workspaceId, userId), ct);
        }
    }

    public sealed record Payload(string WorkspaceId, string UserId);
}
