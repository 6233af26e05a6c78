namespace AsyncLead.Slack.WebApi;

/// <summary>dnd.*: people's Slack do-not-disturb schedules. Needs the bot scope <c>dnd:read</c>.</summary>
public interface IDndApi
{
    /// <summary>Slack's limit of users per dnd.teamInfo call.</summary>
    const int MaxUsersPerCall = 50;

    /// <summary>
    /// dnd.teamInfo for at most <see cref="MaxUsersPerCall"/> people: each one's DND switch and their next (or
    /// current) quiet window. People Slack doesn't answer for are left out.
    /// </summary>
    Task<IReadOnlyDictionary<string, DndStatus>> TeamInfoAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken = default);
}
