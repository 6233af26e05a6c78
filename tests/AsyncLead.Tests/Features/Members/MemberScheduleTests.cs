using System.Globalization;
using AsyncLead.Features.Members;

namespace AsyncLead.Tests.Features.Members;

public sealed class MemberScheduleTests
{
    private static readonly TimeOnly Nine = new(9, 0);
    private static readonly TimeOnly Five = new(17, 0);

    [Fact]
    public void Default_schedule_is_monday_to_friday_nine_to_five_in_the_given_zone()
    {
        var schedule = MemberSchedule.Default("Europe/Berlin");

        Assert.Equal("Europe/Berlin", schedule.TimeZoneId);
        Assert.Equal(
            [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
            schedule.WorkingHours.Select(w => w.Day));
        Assert.All(schedule.WorkingHours, w => Assert.Equal((Nine, Five), (w.Start, w.End)));
        Assert.Empty(schedule.FocusBlocks);
        Assert.Empty(schedule.AwayPeriods);
    }

    [Theory]
    [InlineData("2026-11-16T08:59:59+01:00", false)] // Monday, before nine
    [InlineData("2026-11-16T09:00:00+01:00", true)]
    [InlineData("2026-11-16T16:59:59+01:00", true)]
    [InlineData("2026-11-16T17:00:00+01:00", false)] // the end is exclusive
    [InlineData("2026-11-21T11:00:00+01:00", false)] // Saturday
    [InlineData("2026-11-16T08:30:00Z", true)] // 09:30 in Berlin
    public void IsAllowed_follows_local_working_hours(string instant, bool allowed)
    {
        Assert.Equal(allowed, MemberSchedule.Default("Europe/Berlin").IsAllowed(At(instant)));
    }

    [Fact]
    public void Unknown_time_zone_is_refused_with_a_clear_message()
    {
        Assert.False(MemberSchedule.TryCreate("Mars/Olympus_Mons", MemberSchedule.DefaultWorkingHours, [], [], out var schedule, out var errors));

        Assert.Null(schedule);
        var error = Assert.Single(errors);
        Assert.Contains("Mars/Olympus_Mons", error, StringComparison.Ordinal);
        Assert.Contains("IANA", error, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => MemberSchedule.Default("Mars/Olympus_Mons"));
    }

    [Theory]
    [InlineData(17, 9)]
    [InlineData(9, 9)]
    public void Working_hours_must_start_before_they_end(int startHour, int endHour)
    {
        var window = new WeeklyWindow(DayOfWeek.Monday, new TimeOnly(startHour, 0), new TimeOnly(endHour, 0));

        Assert.False(MemberSchedule.TryCreate("Europe/Berlin", [window, .. MemberSchedule.DefaultWorkingHours.Skip(1)], [], [], out _, out var errors));

        var error = Assert.Single(errors);
        Assert.StartsWith(
            string.Create(CultureInfo.InvariantCulture, $"Working hours Mon {startHour:00}:00-{endHour:00}:00: the start must be before the end"),
            error,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Focus_blocks_must_start_before_they_end_within_the_day()
    {
        var block = new WeeklyWindow(DayOfWeek.Tuesday, new TimeOnly(12, 0), new TimeOnly(9, 0));

        Assert.False(MemberSchedule.TryCreate("Europe/Berlin", MemberSchedule.DefaultWorkingHours, [block], [], out _, out var errors));

        Assert.StartsWith("Focus block Tue 12:00-09:00: the start must be before the end", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public void At_least_one_working_day_is_required()
    {
        Assert.False(MemberSchedule.TryCreate("Europe/Berlin", [], [], [], out _, out var errors));

        Assert.Equal("Working hours must include at least one day, for example Mon-Fri 09:00-17:00.", Assert.Single(errors));
    }

    [Fact]
    public void Focus_blocks_covering_every_working_minute_are_refused()
    {
        IReadOnlyList<WeeklyWindow> focus =
        [
            .. MemberSchedule.DefaultWorkingHours.Select(w => w with { End = new TimeOnly(12, 0) }),
            .. MemberSchedule.DefaultWorkingHours.Select(w => w with { Start = new TimeOnly(11, 0) }),
        ];

        Assert.False(MemberSchedule.TryCreate("Europe/Berlin", MemberSchedule.DefaultWorkingHours, focus, [], out _, out var errors));

        Assert.Contains("cover all of your working hours", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Away_periods_must_not_end_before_they_start()
    {
        var away = new AwayPeriod(new DateOnly(2026, 11, 27), new DateOnly(2026, 11, 23));

        Assert.False(MemberSchedule.TryCreate("Europe/Berlin", MemberSchedule.DefaultWorkingHours, [], [away], out _, out var errors));

        Assert.Equal("Away 2026-11-27..2026-11-23: the first day must not be after the last.", Assert.Single(errors));
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var inverted = new WeeklyWindow(DayOfWeek.Friday, Five, Nine);
        var away = new AwayPeriod(new DateOnly(2026, 11, 27), new DateOnly(2026, 11, 23));

        Assert.False(MemberSchedule.TryCreate("Nowhere/Atlantis", [inverted], [inverted], [away], out _, out var errors));

        Assert.Equal(5, errors.Count); // zone, working window, focus block, away period, no working day left
    }

    [Fact]
    public void Away_for_the_week_means_every_working_day_of_it()
    {
        var week = TeamWeek.Containing(new DateOnly(2026, 11, 18));
        var weekdaysOnly = Create(away: [new AwayPeriod(new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 20))]);
        var untilThursday = Create(away: [new AwayPeriod(new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 19))]);

        Assert.True(weekdaysOnly.IsAwayForWeek(week));
        Assert.False(untilThursday.IsAwayForWeek(week));
        Assert.False(weekdaysOnly.IsAwayForWeek(week.Next()));
        Assert.True(untilThursday.IsAwayOn(new DateOnly(2026, 11, 19)));
        Assert.False(untilThursday.IsAwayOn(new DateOnly(2026, 11, 20)));
    }

    [Fact]
    public void Local_date_differs_across_the_date_line_for_the_same_instant()
    {
        var instant = At("2026-11-22T12:00:00Z");

        Assert.Equal(new DateOnly(2026, 11, 23), MemberSchedule.Default("Pacific/Auckland").LocalDateAt(instant));
        Assert.Equal(new DateOnly(2026, 11, 22), MemberSchedule.Default("Pacific/Honolulu").LocalDateAt(instant));
    }

    private static MemberSchedule Create(IEnumerable<AwayPeriod> away) => Schedules.Create("Europe/Berlin", away: away);

    private static DateTimeOffset At(string iso) => Schedules.At(iso);
}
