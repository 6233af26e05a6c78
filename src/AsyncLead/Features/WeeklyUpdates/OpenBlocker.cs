using AsyncLead.Outbox;
using AsyncLead.Jobs;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>A blocker nobody has resolved yet, with the team channel it was written in.</summary>
public sealed record OpenBlocker(long Id, long TeamChannelId, string ChannelId, string UserId, string Text, DateTimeOffset OpenedAt);
