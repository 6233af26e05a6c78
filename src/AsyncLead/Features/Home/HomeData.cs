using AsyncLead.Features.Decisions;
using AsyncLead.Features.Members;
using AsyncLead.Features.WeeklyUpdates;

namespace AsyncLead.Features.Home;

/// <summary>Everything one person's Home tab shows, read at one moment; <see cref="HomeTab"/> turns it into blocks.</summary>
public sealed record HomeData(
    string UserId,
    MemberSchedule Schedule,
    IReadOnlyList<WeekStatus> Weeks,
    IReadOnlyList<DecisionDoc> WaitingOnYou,
    IReadOnlyList<OpenBlocker> YourBlockers,
    IReadOnlyList<LedTeam> LedTeams)
{
    /// <summary>Their decisions and their teams' whose revisit day has come, in their zone.</summary>
    public IReadOnlyList<DecisionDoc> ToRevisit { get; init; } = [];

    /// <summary>Their own page of past weeks; null when pages are off.</summary>
    public Uri? History { get; init; }

    /// <summary>In no team yet (new, or only ever asked to review): the tab then explains how to start instead of "Your week".</summary>
    public bool IsInNoTeam => Weeks.Count == 0 && LedTeams.Count == 0;
}
