using AsyncLead.Features.Members;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>How often members who haven't written are reminded, as chosen in the setup modal.</summary>
public enum ReminderChoice
{
    /// <summary><see cref="WeeklyReminderCadence.Default"/>: one working day after the prompt, then the next morning.</summary>
    Default,
    FirstOnly,
    None,
}
