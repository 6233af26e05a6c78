using AsyncLead.Outbox;
using System.Globalization;
using AsyncLead.Jobs;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>
/// The feature's jobs and how they are keyed. Everything written to one week's thread shares a queue, so the root is
/// created once and replies land in order even when several people submit at the same moment.
/// </summary>
internal static class WeeklyJobs
{
    public static JobRequest Prompt(string workspaceId, long teamChannelId, DateOnly weekStart, DateTimeOffset at) =>
        new(PromptJob.JobKind, new PromptJob.Payload(teamChannelId, weekStart))
        {
            RunAt = at,
            JobKey = PromptKey(teamChannelId),
            OnConflict = JobKeyConflict.Replace,
            Scope = Scope(workspaceId, teamChannelId),
        };

    /// <summary>The one pending prompt of a team (the sandbox's "next prompt" jumps to it).</summary>
    public static string PromptKey(long teamChannelId) => string.Create(CultureInfo.InvariantCulture, $"weekly-prompt:{teamChannelId}");

    public static JobRequest Close(string workspaceId, long teamChannelId, DateOnly weekStart, DateTimeOffset at) =>
        new(CloseWeekJob.JobKind, new CloseWeekJob.Payload(teamChannelId, weekStart, workspaceId))
        {
            RunAt = at,
            JobKey = $"weekly-close:{teamChannelId}:{Day(weekStart)}",
            OnConflict = JobKeyConflict.Replace,
            Scope = Scope(workspaceId, teamChannelId),
        };

    public static JobRequest Thread(string workspaceId, long teamChannelId, long weekId, ThreadPostJob.What what, long? updateId = null) =>
        new(ThreadPostJob.JobKind, new ThreadPostJob.Payload(weekId, what, updateId))
        {
            QueueName = $"weekly-thread:{weekId}",
            Scope = Scope(workspaceId, teamChannelId),
        };

    /// <summary>The prompt DM (<paramref name="number"/> 0) or the n-th reminder, at most one per member, week and number.</summary>
    public static JobRequest Nudge(string workspaceId, long teamChannelId, long weekId, string userId, int number, DateTimeOffset? at) =>
        new(NudgeJob.JobKind, new NudgeJob.Payload(weekId, userId, number))
        {
            RunAt = at,
            JobKey = NudgeKey(weekId, userId, number),
            Scope = Scope(workspaceId, teamChannelId),
        };

    public static string NudgeKey(long weekId, string userId, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"weekly-nudge:{weekId}:{userId}:{number}");

    public static JobRequest QueuedCheck(string workspaceId, long teamChannelId, long updateId, DateTimeOffset at) =>
        new(QueuedCheckJob.JobKind, new QueuedCheckJob.Payload(updateId)) { RunAt = at, Scope = Scope(workspaceId, teamChannelId) };

    // Inside the workspace's scope, so an uninstall cancels a team's pending prompts, nudges and posts too.
    private static string Scope(string workspaceId, long teamChannelId) => WorkspaceScope.For(workspaceId, $"weekly-team:{teamChannelId}");

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
