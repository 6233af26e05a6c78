using AsyncLead.Features.Members;
using static AsyncLead.Tests.Features.Members.Schedules;

namespace AsyncLead.Tests.Features.Members;

public sealed class WeeklyReminderCadenceTests
{
    private static readonly DateTimeOffset BerlinPrompt = At("2026-11-20T10:00:00+01:00"); // Friday
    private static readonly DateTimeOffset BerlinNextPrompt = At("2026-11-27T10:00:00+01:00");

    [Fact]
    public void Default_is_one_working_day_later_then_the_next_morning()
    {
        var reminders = WeeklyReminderCadence.Default.Plan(BerlinPrompt, BerlinNextPrompt, Create("Europe/Berlin"));

        Assert.Equal([At("2026-11-23T10:00:00+01:00"), At("2026-11-24T09:00:00+01:00")], reminders);
    }

    [Fact]
    public void Each_reminder_is_placed_outside_focus_blocks()
    {
        var member = Create("Europe/Berlin", focus: Times("09:00", "12:00", DayOfWeek.Tuesday));

        var reminders = WeeklyReminderCadence.Default.Plan(BerlinPrompt, BerlinNextPrompt, member);

        Assert.Equal([At("2026-11-23T10:00:00+01:00"), At("2026-11-24T12:00:00+01:00")], reminders);
    }

    [Fact]
    public void The_next_morning_counts_from_where_the_previous_reminder_actually_landed()
    {
        // Monday is all focus until 17:00 and the day ends then, so the first reminder lands Tuesday 09:00
        // and "the next morning" is Wednesday.
        var member = Create("Europe/Berlin", focus: Times("09:00", "17:00", DayOfWeek.Monday));

        var reminders = WeeklyReminderCadence.Default.Plan(BerlinPrompt, BerlinNextPrompt, member);

        Assert.Equal([At("2026-11-24T09:00:00+01:00"), At("2026-11-25T09:00:00+01:00")], reminders);
    }

    [Fact]
    public void Members_across_the_date_line_are_reminded_in_their_own_days()
    {
        // An Auckland team's Friday 10:00 prompt is Thursday 11:00 in Honolulu.
        var prompt = new TeamCalendar("Pacific/Auckland").PromptAt(TeamWeek.Containing(new DateOnly(2026, 11, 16)));
        var stop = prompt.AddDays(7);

        var honolulu = WeeklyReminderCadence.Default.Plan(prompt, stop, Create("Pacific/Honolulu"));
        var auckland = WeeklyReminderCadence.Default.Plan(prompt, stop, Create("Pacific/Auckland"));

        Assert.Equal([At("2026-11-20T11:00:00-10:00"), At("2026-11-23T09:00:00-10:00")], honolulu);
        Assert.Equal([At("2026-11-23T10:00:00+13:00"), At("2026-11-24T09:00:00+13:00")], auckland);
    }

    [Fact]
    public void A_prompt_that_arrives_in_the_evening_is_followed_up_in_working_hours()
    {
        // Thursday 21:00 in London: a working day later is Friday 21:00, placed on Monday morning.
        var reminders = WeeklyReminderCadence.Default.Plan(At("2026-11-19T21:00:00Z"), At("2026-11-26T21:00:00Z"), Create("Europe/London"));

        Assert.Equal([At("2026-11-23T09:00:00Z"), At("2026-11-24T09:00:00Z")], reminders);
    }

    [Fact]
    public void Reminders_keep_local_time_across_a_dst_change()
    {
        var reminders = WeeklyReminderCadence.Default.Plan(
            At("2026-10-30T10:00:00-04:00"), At("2026-11-06T10:00:00-05:00"), Create("America/New_York"));

        Assert.Equal([At("2026-11-02T10:00:00-05:00"), At("2026-11-03T09:00:00-05:00")], reminders);
    }

    [Fact]
    public void Working_days_follow_the_members_own_week()
    {
        // Sunday to Thursday: a working day after Thursday is Sunday.
        var member = Create("Asia/Jerusalem", working: Times("09:00", "17:00", DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday));

        var reminders = WeeklyReminderCadence.Default.Plan(At("2026-11-19T10:00:00+02:00"), At("2026-11-26T10:00:00+02:00"), member);

        Assert.Equal([At("2026-11-22T10:00:00+02:00"), At("2026-11-23T09:00:00+02:00")], reminders);
    }

    [Fact]
    public void Planning_stops_at_the_first_reminder_not_before_the_stop()
    {
        var reminders = WeeklyReminderCadence.Default.Plan(BerlinPrompt, At("2026-11-24T09:00:00+01:00"), Create("Europe/Berlin"));

        Assert.Equal([At("2026-11-23T10:00:00+01:00")], reminders);
    }

    [Fact]
    public void A_member_away_until_after_the_stop_gets_no_reminders()
    {
        var member = Create("Europe/Berlin", away: [Away("2026-11-23", "2026-11-29")]);

        Assert.Empty(WeeklyReminderCadence.Default.Plan(BerlinPrompt, BerlinNextPrompt, member));
    }

    [Fact]
    public void Custom_cadences_chain_their_steps()
    {
        var cadence = new WeeklyReminderCadence([new ReminderStep.WorkingDaysLater(2), new ReminderStep.NextMorning(), new ReminderStep.NextMorning()]);

        var reminders = cadence.Plan(BerlinPrompt, BerlinNextPrompt, Create("Europe/Berlin"));

        Assert.Equal(
            [At("2026-11-24T10:00:00+01:00"), At("2026-11-25T09:00:00+01:00"), At("2026-11-26T09:00:00+01:00")],
            reminders);
    }

    [Fact]
    public void A_step_of_zero_working_days_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReminderStep.WorkingDaysLater(0));
    }
}
