namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>A weekly update: four sections and free notes, each Markdown text (empty when absent).</summary>
public sealed record WeeklyUpdateSections(string Completed, string InProgress, string Blockers, string NextWeek, string Notes)
{
    public static WeeklyUpdateSections Empty { get; } = new("", "", "", "", "");

    /// <summary>Nothing but whitespace anywhere: refused with a field error, never saved.</summary>
    public bool IsEmpty =>
        new[] { Completed, InProgress, Blockers, NextWeek, Notes }.All(string.IsNullOrWhiteSpace);

    /// <summary>The blockers as separate items (see <see cref="WeeklyUpdates.BlockerItems.Extract"/>).</summary>
    public IReadOnlyList<string> BlockerItems => WeeklyUpdates.BlockerItems.Extract(Blockers);
}
