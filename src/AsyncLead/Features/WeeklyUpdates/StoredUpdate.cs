using AsyncLead.Outbox;
using AsyncLead.Jobs;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>One member's update for one week, with how far Slack has caught up with it.</summary>
public sealed record StoredUpdate(long Id, long WeekId, string UserId, WeeklyUpdateSections Sections, bool IsLate, int Version,
    int PostedVersion, string? MessageTs, DateTimeOffset SubmittedAt, DateTimeOffset? AuthorToldAt);
