namespace AsyncLead.Slack.WebApi;

/// <summary>
/// One person's do-not-disturb as dnd.teamInfo tells it: whether their DND schedule is on, and the start and end (Unix
/// seconds) of its next window, or the current one while they are in it. Slack answers 1 and 1 when there is none.
/// </summary>
public sealed record DndStatus(bool DndEnabled, long NextDndStartTs, long NextDndEndTs)
{
    /// <summary>The window as instants, or null when DND is off or Slack names no real window.</summary>
    public (DateTimeOffset Start, DateTimeOffset End)? Window =>
        DndEnabled && NextDndStartTs > 1 && NextDndEndTs > NextDndStartTs
            ? (DateTimeOffset.FromUnixTimeSeconds(NextDndStartTs), DateTimeOffset.FromUnixTimeSeconds(NextDndEndTs))
            : null;
}
