namespace AsyncLead.Features.Install;

/// <summary>
/// What the app asks Slack for, in one place: /slack/install requests these scopes and both app manifests in deploy/
/// must list exactly these, the optional ones under <c>bot_optional</c> (a test compares them).
/// </summary>
public static class SlackScopes
{
    public static readonly IReadOnlyList<string> Bot =
    [
        "commands",          // /weekly-update, /decision
        "chat:write",        // threads, replies, reminders
        "im:write",          // reminders in a DM
        "users:read",        // time zones and names (users.info)
        "channels:read",     // conversations.info / members of a team channel
        "groups:read",       // the same for private channels
        "channels:history",  // conversations.history/replies: a post whose outcome is unknown finds its own message by metadata
        "groups:history",
        "im:history",        // conversations.history of a DM: a DM whose outcome is unknown finds its own message by metadata
    ];

    /// <summary>Scopes an installer may decline; the app asks <c>IGrantedScopes</c> before using one.</summary>
    public static readonly IReadOnlyList<string> BotOptional =
    [
        "dnd:read",          // dnd.teamInfo: nudges keep out of each person's Slack do-not-disturb
    ];
}
