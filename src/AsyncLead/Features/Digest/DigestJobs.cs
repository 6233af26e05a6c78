using AsyncLead.Outbox;
using System.Globalization;
using AsyncLead.Jobs;

namespace AsyncLead.Features.Digest;

/// <summary>
/// The digest's send jobs and how they are keyed (a plan is asked for through <see cref="AsyncLead.Outbox.DigestPlan"/>). A send is keyed by team, recipient and reported week, so however often
/// it is planned, by however many replicas, one job per digest exists at a time; the send record does the rest.
/// Everything sits inside the workspace's scope, so an uninstall cancels it.
/// </summary>
public static class DigestJobs
{
    public const string SendKind = "digest.send";

    public static JobRequest Send(string workspaceId, long teamChannelId, string userId, DateOnly weekStart, DateTimeOffset at) =>
        new(SendKind, new DigestSendJob.Payload(teamChannelId, userId, weekStart, at))
        {
            RunAt = at,
            JobKey = SendKey(teamChannelId, userId, weekStart),
            OnConflict = JobKeyConflict.Replace,
            Scope = TeamScope(workspaceId, teamChannelId),
        };

    public static string SendKey(long teamChannelId, string userId, DateOnly weekStart) =>
        string.Create(CultureInfo.InvariantCulture, $"digest:{teamChannelId}:{userId}:{weekStart:yyyy-MM-dd}");

    public static string TeamScope(string workspaceId, long teamChannelId) =>
        WorkspaceScope.For(workspaceId, string.Create(CultureInfo.InvariantCulture, $"digest-team:{teamChannelId}"));
}
