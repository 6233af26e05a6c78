namespace AsyncLead.Features.Members;

/// <summary>One reminder of a weekly cadence, due relative to the one before it (the prompt for the first).</summary>
public abstract record ReminderStep
{
    private ReminderStep()
    {
    }

    internal abstract DateTimeOffset DueAfter(DateTimeOffset previous, MemberSchedule member);

    /// <summary>The same local time of day, this many of the member's working days later.</summary>
    public sealed record WorkingDaysLater : ReminderStep
    {
        public WorkingDaysLater(int days) =>
            Days = days >= 1 ? days : throw new ArgumentOutOfRangeException(nameof(days), days, "At least one working day.");

        public int Days { get; }

        internal override DateTimeOffset DueAfter(DateTimeOffset previous, MemberSchedule member) =>
            member.SameTimeWorkingDaysLater(previous, Days);
    }

    /// <summary>The start of the member's working hours on their next working day.</summary>
    public sealed record NextMorning : ReminderStep
    {
        internal override DateTimeOffset DueAfter(DateTimeOffset previous, MemberSchedule member) =>
            member.NextWorkdayMorning(previous);
    }
}
