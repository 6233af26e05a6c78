namespace AsyncLead.Features.Members;

/// <summary>When members who haven't written their weekly update are reminded.</summary>
public sealed record WeeklyReminderCadence(IReadOnlyList<ReminderStep> Steps)
{
    /// <summary>One working day after the prompt, then the next morning.</summary>
    public static WeeklyReminderCadence Default { get; } =
        new([new ReminderStep.WorkingDaysLater(1), new ReminderStep.NextMorning()]);

    /// <summary>
    /// The member's reminder instants (UTC) for a prompt sent at <paramref name="promptAt"/>. Each step is due in
    /// the member's own zone relative to the previous reminder as actually placed, then moved to the member's next
    /// allowed minute (<see cref="MemberSchedule.NextAllowedInstant"/>). Planning stops at the first reminder that
    /// can't be placed before <paramref name="stopBefore"/> (typically the next week's prompt).
    /// </summary>
    public IReadOnlyList<DateTimeOffset> Plan(DateTimeOffset promptAt, DateTimeOffset stopBefore, MemberSchedule member)
    {
        var reminders = new List<DateTimeOffset>();
        var previous = promptAt;
        foreach (var step in Steps)
        {
            if (member.NextAllowedInstant(step.DueAfter(previous, member)) is not { } at || at >= stopBefore)
            {
                break;
            }

            reminders.Add(at);
            previous = at;
        }

        return reminders;
    }
}
