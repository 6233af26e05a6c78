using AsyncLead.Outbox;
using AsyncLead.Jobs;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>An update written after its week closed.</summary>
public sealed record LateUpdate(string UserId, DateOnly WeekStart, DateTimeOffset SubmittedAt, string? MessageTs);
