using AsyncLead.Outbox;
using AsyncLead.Jobs;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>A blocker as the week's summary shows it; <see cref="MessageTs"/> is the reply it was last written in.</summary>
public sealed record StoredBlocker(long Id, string UserId, string Text, DateTimeOffset OpenedAt, DateTimeOffset? ResolvedAt,
    string? ResolvedBy, string? MessageTs);
