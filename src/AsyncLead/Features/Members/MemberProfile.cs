using AsyncLead.Outbox;
using AsyncLead.Jobs;
using AsyncLead.Slack.WebApi;

namespace AsyncLead.Features.Members;

/// <summary>Who a member is as far as time goes: Slack's view of them (cached) plus their own hours, focus and away days.</summary>
public sealed record MemberProfile(string WorkspaceId, string UserId, string? DisplayName, bool IsBot, bool IsDeleted, MemberSchedule Schedule)
{
    public bool IsHuman => !IsBot && !IsDeleted;
}
