using AsyncLead.Jobs;

namespace AsyncLead.Outbox;

/// <summary>
/// Asks the digest feature to plan a team's next digests (after its setup changed, a recipient's preference changed, or
/// a week was prompted). Enqueued in the caller's transaction; the digest feature's plan job handles it.
/// </summary>
public static class DigestPlan
{
    public const string JobKind = "digest.plan";

    /// <summary>One pending plan per team is enough (it reads everything when it runs); inside the workspace's scope.</summary>
    public static JobRequest Request(string workspaceId, long teamChannelId) =>
        new(JobKind, new Payload(teamChannelId))
        {
            JobKey = $"digest-plan:{teamChannelId}",
            OnConflict = JobKeyConflict.Replace,
            Scope = WorkspaceScope.For(workspaceId),
        };

    public sealed record Payload(long TeamChannelId);
}
