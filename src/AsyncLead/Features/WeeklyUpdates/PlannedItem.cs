namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>
/// Something planned for a person's next weekly update by another part of the app (a decision's follow-up): it is
/// pre-filled in their form's Next Week until an update of theirs plans it, and counts as started once it appears in
/// their Completed or In Progress. <see cref="SourceKey"/> and <see cref="SourceLabel"/> are the planner's to choose.
/// </summary>
public sealed record PlannedItem
{
    public long Id { get; init; }
    public string UserId { get; init; } = "";
    public string Text { get; init; } = "";
    public DateOnly? DueOn { get; init; }

    /// <summary>Who planned it, in the planner's own words (e.g. <c>decision:42</c>): how the planner finds its items again.</summary>
    public string SourceKey { get; init; } = "";

    /// <summary>How the form names where it came from (e.g. <c>DEC-12</c>).</summary>
    public string SourceLabel { get; init; } = "";

    /// <summary>When a saved update first had it under Next Week.</summary>
    public DateTimeOffset? PlannedAt { get; init; }

    /// <summary>When a saved update first had it under Completed or In Progress.</summary>
    public DateTimeOffset? StartedAt { get; init; }
}
