using NodaTime;
using NodaTime.Extensions;

namespace AsyncLead.Features.Members;

// Placing nudges and reminders. The allowed set is a union of intervals whose edges fall where the local
// time crosses a window boundary (windows never cross midnight, so day and away changes fall on one too),
// where the zone's offset changes, or where a DND window starts or ends; so instead of stepping minute by
// minute, both searches only test those edges: every occurrence of each local boundary, the first instant
// after a DST gap, the transitions, and the DND windows' ends.
public sealed partial class MemberSchedule
{
    /// <summary>How far ahead <see cref="NextAllowedInstant"/> looks before giving up.</summary>
    /// <remarks>
    /// A nudge pushed more than two months out (someone away for a long stretch) is no longer about the week
    /// it was for, so the caller should drop it; the bound also keeps the search finite.
    /// </remarks>
    public static readonly TimeSpan SearchHorizon = TimeSpan.FromDays(60);

    private static readonly Duration OneMinute = Duration.FromMinutes(1);

    /// <summary>
    /// The first instant at or after <paramref name="due"/> when the member may be nudged: <paramref name="due"/>
    /// itself when it is already allowed, otherwise the start of the next allowed minute. Returns null when no
    /// minute within <see cref="SearchHorizon"/> is allowed, which only happens when the member is away that long.
    /// </summary>
    public DateTimeOffset? NextAllowedInstant(DateTimeOffset due)
    {
        var from = Instant.FromDateTimeOffset(due);
        if (IsAllowed(from))
        {
            return from.ToDateTimeOffset();
        }

        var limit = from + SearchHorizon.ToDuration();
        Instant? best = null;
        for (var date = Local(from).Date.PlusDays(-1); ; date = date.PlusDays(1))
        {
            // Nothing on this local date or later happens before its first instant.
            var dayStart = zone.AtStartOfDay(date).ToInstant();
            if (dayStart > limit || dayStart > best)
            {
                return best?.ToDateTimeOffset();
            }

            foreach (var edge in Edges(date))
            {
                if (edge > from && edge <= limit && (best is null || edge < best) && IsAllowed(edge))
                {
                    best = edge;
                }
            }
        }
    }

    /// <summary>
    /// Where a decision reminder aimed at <paramref name="target"/> goes: the latest allowed minute that is at or
    /// before the target, strictly before <paramref name="deadline"/>, and not before <paramref name="notBefore"/>
    /// (usually "now"). Reminders never move past the deadline. When that window holds no allowed minute (focus,
    /// evenings or away all the way), the reminder goes out at the target itself if the target is before the
    /// deadline and not before <paramref name="notBefore"/>: a reminder late in someone's focus time beats none.
    /// Otherwise null: there is nothing useful left to send.
    /// </summary>
    public DateTimeOffset? LatestAllowedInstantBefore(DateTimeOffset target, DateTimeOffset deadline, DateTimeOffset notBefore)
    {
        var aim = Instant.FromDateTimeOffset(target);
        var end = Instant.FromDateTimeOffset(deadline);
        var start = Instant.FromDateTimeOffset(notBefore);
        var latest = aim < end ? aim : end - OneMinute;
        var floor = Instant.Max(start, latest - SearchHorizon.ToDuration());

        var found = latest >= floor ? LatestAllowedBetween(floor, latest) : null;
        if (found is { } instant)
        {
            return instant.ToDateTimeOffset();
        }

        return aim < end && aim >= start ? aim.ToDateTimeOffset() : null;
    }

    private Instant? LatestAllowedBetween(Instant floor, Instant latest)
    {
        if (IsAllowed(latest))
        {
            return latest;
        }

        Instant? best = IsAllowed(floor) ? floor : null;
        for (var date = Local(latest).Date.PlusDays(1); ; date = date.PlusDays(-1))
        {
            // Nothing on this local date or earlier happens at or after the next day's first instant.
            var nextDayStart = zone.AtStartOfDay(date.PlusDays(1)).ToInstant();
            if (nextDayStart <= floor || nextDayStart <= best)
            {
                return best;
            }

            foreach (var edge in Edges(date))
            {
                // The last minute before an edge where allowed time ends.
                var candidate = edge - OneMinute;
                if (candidate >= floor && candidate <= latest && (best is null || candidate > best) && IsAllowed(candidate))
                {
                    best = candidate;
                }
            }
        }
    }

    /// <summary>Instants on a local date where allowed time may begin or end.</summary>
    private IEnumerable<Instant> Edges(LocalDate date)
    {
        var windows = allowedByDay[(int)date.DayOfWeek.ToDayOfWeek()];
        foreach (var boundary in windows.SelectMany(w => new[] { w.Start, w.End }))
        {
            var mapping = zone.MapLocal(date + LocalTime.FromTimeOnly(boundary));
            switch (mapping.Count)
            {
                case 0: // skipped by a DST gap: the local clock reaches it when the gap ends
                    yield return mapping.LateInterval.Start;
                    break;
                case 1:
                    yield return mapping.Single().ToInstant();
                    break;
                default: // repeated by a DST overlap: both occurrences
                    yield return mapping.First().ToInstant();
                    yield return mapping.Last().ToInstant();
                    break;
            }
        }

        var dayStart = zone.AtStartOfDay(date).ToInstant();
        var nextDayStart = zone.AtStartOfDay(date.PlusDays(1)).ToInstant();
        foreach (var interval in zone.GetZoneIntervals(dayStart, nextDayStart))
        {
            if (interval.HasStart && interval.Start >= dayStart)
            {
                yield return interval.Start;
            }
        }

        foreach (var edge in Dnd.SelectMany(window => new[] { window.Start, window.End }).Select(Instant.FromDateTimeOffset))
        {
            if (edge >= dayStart && edge < nextDayStart)
            {
                yield return edge;
            }
        }
    }
}
