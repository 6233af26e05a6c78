using AsyncLead.Features.Members;

namespace AsyncLead.Features.Decisions;

public enum DecisionStatus
{
    /// <summary>Taking responses until the deadline.</summary>
    Open,

    /// <summary>The deadline passed; waiting for the author to record the decision.</summary>
    Closed,
    Decided,
    Withdrawn,

    /// <summary>Closed and left undecided for <see cref="DecisionSchedule.LapseAfter"/>: off the open list for good.</summary>
    Lapsed,
}
