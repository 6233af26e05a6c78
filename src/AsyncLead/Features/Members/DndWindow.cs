namespace AsyncLead.Features.Members;

/// <summary>
/// A stretch of someone's Slack do-not-disturb, from <see cref="Start"/> (inclusive) to <see cref="End"/> (exclusive),
/// as Slack last told it (dnd.teamInfo names the next window, or the current one): no nudge arrives inside it.
/// </summary>
public sealed record DndWindow(DateTimeOffset Start, DateTimeOffset End)
{
    public bool Contains(DateTimeOffset instant) => Start <= instant && instant < End;
}
