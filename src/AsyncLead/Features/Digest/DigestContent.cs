using AsyncLead.Features.Members;
using AsyncLead.Features.WeeklyUpdates;

namespace AsyncLead.Features.Digest;

/// <summary>
/// One line of a digest list. <see cref="Text"/> and <see cref="Detail"/> are plain text (escaped when rendered);
/// <see cref="When"/> is shown in each reader's own time zone; <see cref="Link"/> is the Slack message it is about.
/// </summary>
public sealed record DigestLine(string Text, string Detail, Uri? Link, DateTimeOffset? When = null);

/// <summary>The first lines of a list (the ones a message shows) and how many there are in all.</summary>
public sealed record DigestList(IReadOnlyList<DigestLine> Shown, int Total)
{
    public static DigestList Empty { get; } = new([], 0);

    public int Hidden => Total - Shown.Count;
}

/// <summary>Someone who wrote, linked to their reply in the week's thread.</summary>
public sealed record DigestWriter(string Name, Uri? Reply);

/// <summary>Everything one team's digest says, names and links already resolved.</summary>
public sealed record DigestContent(
    string ChannelId,
    TeamWeek Week,
    ParticipationFigures Figures,
    IReadOnlyList<DigestWriter> Wrote,
    IReadOnlyList<string> Away,
    IReadOnlyList<string> Missing,
    DigestList NewBlockers,
    DigestList AgedBlockers,
    DigestList DecisionsDue,
    DigestList DecisionsDecided,
    DigestList LateUpdates,
    DigestList ResolvedBlockers,
    Uri WeekPage);

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
