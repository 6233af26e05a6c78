using static AsyncLead.Tests.Features.Members.Schedules;

namespace AsyncLead.Tests.Features.Members;

public sealed class LatestAllowedInstantBeforeTests
{
    // A decision due Thursday 19 Nov 2026 17:00 Berlin time, created the Monday before.
    private static readonly DateTimeOffset Deadline = At("2026-11-19T17:00:00+01:00");
    private static readonly DateTimeOffset Created = At("2026-11-16T09:30:00+01:00");

    [Fact]
    public void An_allowed_target_is_kept()
    {
        var placed = Create("Europe/Berlin").LatestAllowedInstantBefore(At("2026-11-19T15:00:00+01:00"), Deadline, Created);

        Assert.Equal(At("2026-11-19T14:00:00Z"), placed);
        Assert.Equal(TimeSpan.Zero, placed!.Value.Offset);
    }

    [Fact]
    public void A_target_after_hours_moves_back_to_the_last_working_minute()
    {
        var placed = Create("Europe/Berlin").LatestAllowedInstantBefore(At("2026-11-18T17:00:00+01:00"), Deadline, Created);

        Assert.Equal(At("2026-11-18T16:59:00+01:00"), placed);
    }

    [Theory]
    [InlineData("10:00", "2026-11-19T09:59:00+01:00")] // focus 10-12: the minute before it, same morning
    [InlineData("09:00", "2026-11-18T16:59:00+01:00")] // focus 9-12: nothing earlier that day, so Wednesday evening
    public void A_target_inside_focus_moves_back_before_the_block(string focusStart, string expected)
    {
        var schedule = Create("Europe/Berlin", focus: Times(focusStart, "12:00", DayOfWeek.Thursday));

        var placed = schedule.LatestAllowedInstantBefore(At("2026-11-19T11:00:00+01:00"), At("2026-11-19T13:00:00+01:00"), Created);

        Assert.Equal(At(expected), placed);
    }

    [Fact]
    public void A_target_at_or_past_the_deadline_is_pulled_before_it()
    {
        var schedule = Create("Europe/Berlin");
        var deadline = At("2026-11-19T15:00:00+01:00");

        Assert.Equal(At("2026-11-19T14:59:00+01:00"), schedule.LatestAllowedInstantBefore(deadline, deadline, Created));
        Assert.Equal(At("2026-11-19T14:59:00+01:00"), schedule.LatestAllowedInstantBefore(deadline.AddHours(3), deadline, Created));
    }

    [Fact]
    public void Never_earlier_than_not_before()
    {
        // Focus 10:30-13:30 on Wednesday; "now" is 10:00, so the only allowed minute in reach is 10:29.
        var schedule = Create("Europe/Berlin", focus: Times("10:30", "13:30", DayOfWeek.Wednesday));

        var placed = schedule.LatestAllowedInstantBefore(At("2026-11-18T13:00:00+01:00"), Deadline, At("2026-11-18T10:00:00+01:00"));

        Assert.Equal(At("2026-11-18T10:29:00+01:00"), placed);
    }

    [Fact]
    public void With_no_allowed_minute_in_the_window_the_reminder_goes_at_its_target()
    {
        var away = Create("Europe/Berlin", away: [Away("2026-11-18", "2026-11-19")]);

        var placed = away.LatestAllowedInstantBefore(At("2026-11-18T17:00:00+01:00"), Deadline, At("2026-11-18T08:00:00+01:00"));

        Assert.Equal(At("2026-11-18T17:00:00+01:00"), placed);
    }

    [Fact]
    public void With_no_allowed_minute_and_a_target_that_is_not_usable_there_is_no_reminder()
    {
        var away = Create("Europe/Berlin", away: [Away("2026-11-18", "2026-11-19")]);
        var now = At("2026-11-18T08:00:00+01:00");

        Assert.Null(away.LatestAllowedInstantBefore(Deadline, Deadline, now)); // target at the deadline
        Assert.Null(away.LatestAllowedInstantBefore(At("2026-11-18T07:00:00+01:00"), Deadline, now)); // target already past
    }

    [Fact]
    public void Moving_back_across_spring_forward_uses_the_winter_offset()
    {
        // Deadline Monday 30 Mar 09:30 CEST; 24 h before is Sunday, so the reminder goes on Friday 16:59 CET.
        var placed = Create("Europe/Berlin").LatestAllowedInstantBefore(
            At("2026-03-29T09:30:00+02:00"), At("2026-03-30T09:30:00+02:00"), At("2026-03-25T12:00:00+01:00"));

        Assert.Equal(At("2026-03-27T15:59:00Z"), placed);
    }

    [Fact]
    public void A_reviewer_across_the_date_line_is_reminded_in_their_own_working_day()
    {
        // 15:00 Berlin on Thursday is 04:00 Thursday in Honolulu: the latest allowed minute is Wednesday 16:59 HST.
        var placed = Create("Pacific/Honolulu").LatestAllowedInstantBefore(At("2026-11-19T15:00:00+01:00"), Deadline, Created);

        Assert.Equal(At("2026-11-18T16:59:00-10:00"), placed);
    }

    [Fact]
    public void A_target_in_the_second_pass_of_a_repeated_focus_block_moves_back_between_the_passes()
    {
        // Focus 00:30-01:30 runs twice on the New York fall-back night; 01:30-01:59 EDT lies between the passes.
        var schedule = Create(
            "America/New_York",
            working: Times("00:00", "03:00", DayOfWeek.Sunday),
            focus: Times("00:30", "01:30", DayOfWeek.Sunday));

        var placed = schedule.LatestAllowedInstantBefore(
            At("2026-11-01T01:15:00-05:00"), At("2026-11-01T03:00:00-05:00"), At("2026-10-31T12:00:00-04:00"));

        Assert.Equal(At("2026-11-01T01:59:00-04:00"), placed);
    }
}
