using AsyncLead.Features.Members;
using static AsyncLead.Tests.Features.Members.Schedules;

namespace AsyncLead.Tests.Features.Members;

public sealed class NextAllowedInstantTests
{
    private static readonly DayOfWeek[] TueToThu = [DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday];

    [Fact]
    public void An_allowed_instant_is_kept_and_returned_in_utc()
    {
        var next = Create("Europe/Berlin").NextAllowedInstant(At("2026-11-16T10:00:00+01:00"));

        Assert.Equal(At("2026-11-16T09:00:00Z"), next);
        Assert.Equal(TimeSpan.Zero, next!.Value.Offset);
    }

    [Theory]
    [InlineData("2026-11-16T07:30:00+01:00", "2026-11-16T09:00:00+01:00")] // Monday before work
    [InlineData("2026-11-16T17:00:00+01:00", "2026-11-17T09:00:00+01:00")] // the end of the day is exclusive
    [InlineData("2026-11-20T17:30:00+01:00", "2026-11-23T09:00:00+01:00")] // Friday evening to Monday
    [InlineData("2026-11-21T12:00:00+01:00", "2026-11-23T09:00:00+01:00")] // Saturday
    [InlineData("2026-11-16T08:59:30+01:00", "2026-11-16T09:00:00+01:00")] // to the next whole allowed minute
    public void Outside_working_hours_moves_to_the_next_working_minute(string due, string expected)
    {
        Assert.Equal(At(expected), Create("Europe/Berlin").NextAllowedInstant(At(due)));
    }

    [Theory]
    [InlineData("2026-11-16T10:15:00+01:00", "2026-11-16T11:31:00+01:00")] // inside DND: its end, widened to the whole minute
    [InlineData("2026-11-16T10:00:00+01:00", "2026-11-16T11:31:00+01:00")] // a DND from 10:00:30 takes all of 10:00
    [InlineData("2026-11-16T09:59:00+01:00", "2026-11-16T09:59:00+01:00")] // the minute before it is free
    [InlineData("2026-11-16T16:45:00+01:00", "2026-11-17T09:00:00+01:00")] // a DND past the end of the day: the next morning
    public void Inside_slack_dnd_moves_to_its_end_if_that_is_working_time(string due, string expected)
    {
        var schedule = Create("Europe/Berlin").WithDnd([
            new DndWindow(At("2026-11-16T10:00:30+01:00"), At("2026-11-16T11:30:10+01:00")),
            new DndWindow(At("2026-11-16T16:30:00+01:00"), At("2026-11-16T18:00:00+01:00"))]);

        Assert.Equal(At(expected), schedule.NextAllowedInstant(At(due)));
    }

    [Theory]
    [InlineData("2026-11-17T10:15:00+01:00", "2026-11-17T12:00:00+01:00")] // Tuesday inside focus
    [InlineData("2026-11-17T08:00:00+01:00", "2026-11-17T12:00:00+01:00")] // before work, and work starts in focus
    [InlineData("2026-11-16T10:15:00+01:00", "2026-11-16T10:15:00+01:00")] // Monday has no focus block
    public void Inside_a_focus_block_moves_to_its_end(string due, string expected)
    {
        var schedule = Create("Europe/Berlin", focus: Times("09:00", "12:00", TueToThu));

        Assert.Equal(At(expected), schedule.NextAllowedInstant(At(due)));
    }

    [Fact]
    public void Several_focus_blocks_on_a_day_are_all_respected()
    {
        var schedule = Create(
            "Europe/Berlin",
            focus: [.. Times("13:00", "14:00", DayOfWeek.Monday), .. Times("14:00", "14:30", DayOfWeek.Monday), .. Times("15:00", "17:00", DayOfWeek.Monday)]);

        Assert.Equal(At("2026-11-16T14:30:00+01:00"), schedule.NextAllowedInstant(At("2026-11-16T13:10:00+01:00")));
        Assert.Equal(At("2026-11-17T09:00:00+01:00"), schedule.NextAllowedInstant(At("2026-11-16T15:00:00+01:00")));
    }

    [Fact]
    public void Three_weeks_away_moves_to_the_first_working_minute_after()
    {
        var schedule = Create("Europe/Berlin", away: [Away("2026-11-23", "2026-12-13")]);

        Assert.Equal(At("2026-12-14T09:00:00+01:00"), schedule.NextAllowedInstant(At("2026-11-23T10:00:00+01:00")));
    }

    [Fact]
    public void Nothing_allowed_within_sixty_days_gives_null()
    {
        var schedule = Create("Europe/Berlin", away: [Away("2026-11-23", "2027-02-01")]);

        Assert.Null(schedule.NextAllowedInstant(At("2026-11-23T10:00:00+01:00")));
        Assert.Equal(TimeSpan.FromDays(60), MemberSchedule.SearchHorizon);
    }

    [Fact]
    public void The_horizon_is_inclusive_of_its_last_minute()
    {
        // Away until the Sunday before; the first allowed minute is 60 days after the due instant exactly.
        var schedule = Create("UTC", away: [Away("2026-11-16", "2027-01-17")]);

        Assert.Equal(At("2027-01-18T09:00:00Z"), schedule.NextAllowedInstant(At("2026-11-19T09:00:00Z")));
        Assert.Null(schedule.NextAllowedInstant(At("2026-11-19T08:59:00Z")));
    }

    [Fact]
    public void Working_hours_that_start_inside_a_spring_forward_gap_begin_when_the_gap_ends()
    {
        // Berlin skips 02:00-03:00 on 2026-03-29; a night shift from 02:30 starts at 03:00 CEST that day.
        var schedule = Create("Europe/Berlin", working: Times("02:30", "04:00", DayOfWeek.Sunday));

        Assert.Equal(At("2026-03-29T03:00:00+02:00"), schedule.NextAllowedInstant(At("2026-03-29T01:30:00+01:00")));
        Assert.Equal(At("2026-04-05T02:30:00+02:00"), schedule.NextAllowedInstant(At("2026-03-29T04:00:00+02:00")));
    }

    [Fact]
    public void The_same_local_morning_is_an_hour_earlier_in_utc_after_spring_forward()
    {
        var schedule = Create("Europe/Berlin");

        Assert.Equal(At("2026-03-23T08:00:00Z"), schedule.NextAllowedInstant(At("2026-03-23T07:30:00Z")));
        Assert.Equal(At("2026-03-30T07:00:00Z"), schedule.NextAllowedInstant(At("2026-03-30T06:30:00Z")));
    }

    [Fact]
    public void A_window_repeated_by_fall_back_is_allowed_in_both_occurrences()
    {
        // New York repeats 01:00-02:00 on 2026-11-01 (EDT, then EST).
        var schedule = Create("America/New_York", working: Times("01:00", "01:30", DayOfWeek.Sunday));

        Assert.Equal(At("2026-11-01T01:00:00-05:00"), schedule.NextAllowedInstant(At("2026-11-01T01:40:00-04:00")));
        Assert.Equal(At("2026-11-01T01:10:00-04:00"), schedule.NextAllowedInstant(At("2026-11-01T01:10:00-04:00")));
    }

    [Fact]
    public void A_focus_block_repeated_by_fall_back_blocks_both_occurrences()
    {
        var schedule = Create(
            "America/New_York",
            working: Times("00:00", "03:00", DayOfWeek.Sunday),
            focus: Times("00:30", "01:30", DayOfWeek.Sunday));

        Assert.Equal(At("2026-11-01T01:30:00-04:00"), schedule.NextAllowedInstant(At("2026-11-01T01:00:00-04:00")));
        Assert.Equal(At("2026-11-01T01:30:00-05:00"), schedule.NextAllowedInstant(At("2026-11-01T01:10:00-05:00")));
    }

    [Fact]
    public void Falling_back_into_a_window_allows_from_the_transition_itself()
    {
        // 01:45 EDT is past the window; the clock then falls back to 01:00 EST, inside it again.
        var schedule = Create("America/New_York", working: Times("00:30", "01:30", DayOfWeek.Sunday));

        Assert.Equal(At("2026-11-01T06:00:00Z"), schedule.NextAllowedInstant(At("2026-11-01T01:45:00-04:00")));
    }

    [Theory]
    [InlineData("Asia/Kolkata", "2026-11-16T03:15:00Z", "2026-11-16T03:30:00Z")] // 08:45 IST -> 09:00 IST (+05:30)
    [InlineData("Pacific/Kiritimati", "2026-11-20T03:30:00Z", "2026-11-22T19:00:00Z")] // Fri 17:30 +14 -> Mon 09:00 +14
    [InlineData("Pacific/Pago_Pago", "2026-11-16T19:00:00Z", "2026-11-16T20:00:00Z")] // Mon 08:00 -11 -> 09:00
    [InlineData("Pacific/Pago_Pago", "2026-11-21T21:00:00Z", "2026-11-23T20:00:00Z")] // Sat 10:00 -11 -> Mon 09:00
    public void Unusual_offsets_are_handled(string zone, string due, string expected)
    {
        Assert.Equal(At(expected), Create(zone).NextAllowedInstant(At(due)));
    }
}
