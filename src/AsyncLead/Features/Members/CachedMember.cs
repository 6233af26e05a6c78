using AsyncLead.Outbox;
using AsyncLead.Jobs;
using AsyncLead.Slack.WebApi;

namespace AsyncLead.Features.Members;

/// <summary>A member as the cache knows them, Slack not asked: for showing names and times.</summary>
public sealed record CachedMember(string UserId, string? DisplayName, string? TimeZone);
