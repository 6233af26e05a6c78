using AsyncLead.Sandbox.Slack;

namespace AsyncLead.Sandbox;

/// <summary>
/// The workspace a visitor finds: a lead and five people across time zones (a half-hour offset in Kolkata; Sydney
/// and New York, so one of them observes daylight saving whatever the week), a team channel with the bot in it, a
/// private channel, and the bot's DMs and Home (Slack opens those per person on first use).
/// </summary>
public static class SandboxWorkspace
{
    public const string TeamId = "T0SANDBOX";
    public const string TeamName = "Sandbox Co";
    public const string BotUserId = "U0ASYNCLEAD";
    public const string LeadUserId = "U0MAYA";
    public const string TeamChannelId = "C0PLATFORM";
    public const string TeamChannelName = "team-platform";
    public const string PrivateChannelId = "G0LEADS";
    public const string PrivateChannelName = "leads-private";

    public static IReadOnlyList<SandboxPerson> People { get; } =
    [
        new(LeadUserId, "maya", "Maya Okafor", "Europe/London", IsLead: true),
        new("U0PRIYA", "priya", "Priya Raman", "Asia/Kolkata"),
        new("U0LIAM", "liam", "Liam Walsh", "Australia/Sydney"),
        new("U0SOFIA", "sofia", "Sofia Reyes", "America/New_York"),
        new("U0KENJI", "kenji", "Kenji Sato", "Asia/Tokyo"),
        new("U0LUCAS", "lucas", "Lucas Müller", "Europe/Berlin"),
    ];

    /// <summary>Puts the workspace into <paramref name="slack"/> with the app installed under <paramref name="botToken"/>.</summary>
    public static void SeedInto(FakeSlack slack, string botToken)
    {
        ArgumentNullException.ThrowIfNull(slack);
        slack.AddWorkspace(TeamId, botToken, name: TeamName, domain: "sandbox-co", botUserId: BotUserId);
        foreach (var person in People)
        {
            slack.AddUser(person.Id, person.Name, person.TimeZone, person.RealName, teamId: TeamId);
        }

        slack.AddChannel(TeamChannelId, TeamChannelName, members: People.Select(p => p.Id), botIsMember: true, teamId: TeamId);
        slack.AddChannel(PrivateChannelId, PrivateChannelName, members: [LeadUserId, "U0PRIYA"], botIsMember: true, isPrivate: true, teamId: TeamId);
    }
}
