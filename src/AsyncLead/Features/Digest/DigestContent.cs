using AsyncLead.Features.Members;
using AsyncLead.Features.WeeklyUpdates;

namespace AsyncLead.Features.Digest;

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
    Uri? WeekPage)
{
    /// <summary>The channel's decisions whose revisit day has come, in the recipient's zone.</summary>
    public DigestList ToRevisit { get; init; } = DigestList.Empty;

    /// <summary>Each writer who planned something the week before: their reply, and their plan against actual (<see cref="WeekChanges"/>).</summary>
    public DigestList Plans { get; init; } = DigestList.Empty;

    /// <summary>The channel's recent decisions with follow-ups none of which has shown up as done or in progress yet.</summary>
    public DigestList NotStarted { get; init; } = DigestList.Empty;
}
