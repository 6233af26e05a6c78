using AsyncLead.Outbox;
using AsyncLead.Jobs;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>What saving an update did: the update's id and week, and whether it replaced an earlier one.</summary>
public sealed record SavedUpdate(long UpdateId, long WeekId, bool Replaced);
