namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>What became of one item of a person's last Next Week, by this week's update (<see cref="PlanCheck"/>).</summary>
public enum PlanState
{
    /// <summary>Surely in Completed.</summary>
    Done,

    /// <summary>Surely in In Progress.</summary>
    InProgress,

    /// <summary>Surely in Next Week again, and not worked on.</summary>
    StillPlanned,

    /// <summary>Surely in Blockers.</summary>
    Blocked,

    /// <summary>Only something like it this week (or a mention in the notes): neither claimed as done nor as dropped.</summary>
    Unclear,

    /// <summary>Nothing this week has a word in common with it.</summary>
    Dropped,
}
