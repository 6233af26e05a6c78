using AsyncLead.Features.Members;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>A team channel that writes weekly updates, with its rhythm and who is expected to write.</summary>
public sealed record TeamChannel(
    long Id,
    string WorkspaceId,
    string ChannelId,
    string ChannelName,
    string TimeZone,
    WeeklyTime Prompt,
    WeeklyTime Close,
    ReminderChoice Reminders,
    bool ExpectEveryone,
    IReadOnlyList<string> ChosenMembers,
    string LeadUserId,
    IReadOnlyList<string> DigestRecipients,
    int StandupMinutes)
{
    /// <summary>Since when the bot can't post in the channel (<see cref="TeamPause"/>); null while the team runs.</summary>
    public DateTimeOffset? PausedAt { get; init; }

    public const string PausedByLead = "paused";
    public const string SwitchedOff = "off";

    /// <summary>
    /// Stopped by its lead or an admin (<c>/weekly-update pause</c> or <c>off</c>): <see cref="PausedByLead"/> keeps the
    /// weekly rhythm (each prompt finds the team paused), <see cref="SwitchedOff"/> ends it; null while the team runs.
    /// </summary>
    public string? Stopped { get; init; }

    /// <summary>A Slack status saying its person is out (🌴, "OOO", "vacation"…) counts as away in this team (a setup choice).</summary>
    public bool StatusMeansAway { get; init; }

    public TeamCalendar Calendar => new(TimeZone, Prompt, Close);

    public WeeklyReminderCadence Cadence => Reminders switch
    {
        ReminderChoice.Default => WeeklyReminderCadence.Default,
        ReminderChoice.FirstOnly => new([new ReminderStep.WorkingDaysLater(1)]),
        _ => new([]),
    };

    /// <summary>The stored form of <see cref="ReminderChoice"/> (team_channels.reminder_cadence).</summary>
    public static string StoredCadence(ReminderChoice choice) => choice switch
    {
        ReminderChoice.Default => "default",
        ReminderChoice.FirstOnly => "first",
        _ => "none",
    };

    public static ReminderChoice ParseCadence(string stored) => stored switch
    {
        "first" => ReminderChoice.FirstOnly,
        "none" => ReminderChoice.None,
        _ => ReminderChoice.Default,
    };
}
