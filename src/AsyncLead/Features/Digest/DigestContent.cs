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
    Uri? WeekPage);
