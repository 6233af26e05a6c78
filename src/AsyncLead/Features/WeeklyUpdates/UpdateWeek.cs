using AsyncLead.Outbox;
using AsyncLead.Jobs;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>A team's week: its thread in Slack and who was expected to write.</summary>
public sealed record UpdateWeek(long Id, long TeamChannelId, DateOnly WeekStart, string? RootTs, IReadOnlyList<string>? ExpectedUserIds,
    DateTimeOffset? PromptedAt, DateTimeOffset? ClosedAt, string? SummaryTs);
