using AsyncLead.Features.Members;
using AsyncLead.Features.WeeklyUpdates;

namespace AsyncLead.Features.Digest;

/// <summary>Sorts a team's blockers into what the digest reports about them.</summary>
public static class DigestBlockers
{
    /// <summary>A blocker open longer than this is aged.</summary>
    public static readonly TimeSpan AgedAfter = TimeSpan.FromDays(7);

    /// <returns>
    /// New: open and opened since the last digest. Aged: open longer than a week and not new. Resolved: resolved
    /// since the last digest. Each oldest first.
    /// </returns>
    public static (IReadOnlyList<StoredBlocker> New, IReadOnlyList<StoredBlocker> Aged, IReadOnlyList<StoredBlocker> Resolved) Classify(
        IEnumerable<StoredBlocker> blockers, DateTimeOffset since, DateTimeOffset now)
    {
        var ordered = blockers.OrderBy(b => b.OpenedAt).ThenBy(b => b.Id).ToList();
        var open = ordered.Where(b => b.ResolvedAt is null).ToList();
        var fresh = open.Where(b => b.OpenedAt >= since).ToList();
        return (
            fresh,
            [.. open.Where(b => now - b.OpenedAt > AgedAfter && !fresh.Contains(b))],
            [.. ordered.Where(b => b.ResolvedAt >= since)]);
    }
}
