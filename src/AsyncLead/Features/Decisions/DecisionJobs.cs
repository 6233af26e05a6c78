using AsyncLead.Outbox;
using System.Globalization;
using AsyncLead.Jobs;

namespace AsyncLead.Features.Decisions;

/// <summary>
/// The jobs a doc's changes enqueue (always in the transaction that changes it). Everything posted about one doc
/// shares a queue, so the doc message exists before its thread replies and updates are applied in order.
/// Reminders and the deadline share a scope, so an extension or a withdrawal cancels them together.
/// </summary>
public static class DecisionJobs
{
    public const string PostDoc = "decisions.post-doc";
    public const string RefreshDoc = "decisions.refresh-doc";
    public const string SyncConcern = "decisions.sync-concern";
    public const string ThreadNote = "decisions.thread-note";
    public const string PlanReminders = "decisions.plan-reminders";
    public const string Remind = "decisions.remind";
    public const string Deadline = "decisions.deadline";
    public const string RemindToDecide = "decisions.remind-decide";
    public const string Lapse = "decisions.lapse";

    /// <summary>Everything pending for one doc; inside its workspace's scope, so an uninstall cancels it too.</summary>
    public static string Scope(string workspaceId, long decisionId) => WorkspaceScope.For(workspaceId, $"decision:{decisionId}");

    private static string Queue(long decisionId) => $"decision:{decisionId}:slack";

    public static JobRequest PostDocRequest(string workspaceId, long decisionId) =>
        new(PostDoc, new DecisionJob(decisionId)) { QueueName = Queue(decisionId), JobKey = $"decision:{decisionId}:post", Scope = WorkspaceScope.For(workspaceId) };

    /// <summary>Replaces a pending refresh: the job renders the doc as it is when it runs, so one is enough.</summary>
    public static JobRequest RefreshDocRequest(string workspaceId, long decisionId) =>
        new(RefreshDoc, new DecisionJob(decisionId))
        {
            QueueName = Queue(decisionId),
            JobKey = $"decision:{decisionId}:refresh",
            OnConflict = JobKeyConflict.Replace,
            Scope = WorkspaceScope.For(workspaceId),
        };

    public static JobRequest SyncConcernRequest(string workspaceId, long decisionId, long concernId) =>
        new(SyncConcern, new ConcernJob(decisionId, concernId))
        {
            QueueName = Queue(decisionId),
            JobKey = $"decision:{decisionId}:concern:{concernId}",
            OnConflict = JobKeyConflict.Replace,
            Scope = WorkspaceScope.For(workspaceId),
        };

    /// <param name="key">Names the note among the doc's thread replies, so a retried post finds the earlier one.</param>
    public static JobRequest ThreadNoteRequest(string workspaceId, long decisionId, string key, string mrkdwn) =>
        new(ThreadNote, new ThreadNotePayload(decisionId, key, mrkdwn))
        {
            QueueName = Queue(decisionId), JobKey = $"decision:{decisionId}:note:{key}", Scope = WorkspaceScope.For(workspaceId),
        };

    public static JobRequest PlanRemindersRequest(string workspaceId, long decisionId) =>
        new(PlanReminders, new DecisionJob(decisionId)) { Scope = Scope(workspaceId, decisionId), JobKey = $"decision:{decisionId}:plan", OnConflict = JobKeyConflict.Replace };

    public static JobRequest RemindRequest(string workspaceId, long decisionId, string reviewerId, DecisionReminder reminder) =>
        new(Remind, new ReminderJob(decisionId, reviewerId))
        {
            RunAt = reminder.At,
            Scope = Scope(workspaceId, decisionId),
            JobKey = string.Create(CultureInfo.InvariantCulture, $"decision:{decisionId}:remind:{reviewerId}:{(int)reminder.Before.TotalMinutes}"),
            OnConflict = JobKeyConflict.Replace,
        };

    public static JobRequest DeadlineRequest(string workspaceId, long decisionId, DateTimeOffset deadline) =>
        new(Deadline, new DecisionJob(decisionId))
        {
            RunAt = deadline,
            Scope = Scope(workspaceId, decisionId),
            JobKey = $"decision:{decisionId}:deadline",
            OnConflict = JobKeyConflict.Replace,
        };

    /// <summary>The <paramref name="nth"/> (1-based) reminder to the author to record a closed doc's decision.</summary>
    public static JobRequest RemindToDecideRequest(string workspaceId, long decisionId, int nth, DateTimeOffset at) =>
        new(RemindToDecide, new DecisionJob(decisionId))
        {
            RunAt = at,
            Scope = Scope(workspaceId, decisionId),
            JobKey = string.Create(CultureInfo.InvariantCulture, $"decision:{decisionId}:remind-decide:{nth}"),
            OnConflict = JobKeyConflict.Replace,
        };

    public static JobRequest LapseRequest(string workspaceId, long decisionId, DateTimeOffset at) =>
        new(Lapse, new DecisionJob(decisionId))
        {
            RunAt = at,
            Scope = Scope(workspaceId, decisionId),
            JobKey = $"decision:{decisionId}:lapse",
            OnConflict = JobKeyConflict.Replace,
        };
}
