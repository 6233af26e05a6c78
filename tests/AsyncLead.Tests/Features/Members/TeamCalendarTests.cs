using System.Globalization;
using AsyncLead.Features.Members;
using static AsyncLead.Tests.Features.Members.Schedules;

namespace AsyncLead.Tests.Features.Members;

public sealed class TeamCalendarTests
{
    [Theory]
    [InlineData("2026-11-16", "2026-11-16")]
    [InlineData("2026-11-18", "2026-11-16")]
    [InlineData("2026-11-22", "2026-11-16")] // Sunday ends the ISO week
    [InlineData("2026-11-23", "2026-11-23")]
    public void Weeks_start_on_monday(string date, string monday)
    {
        Assert.Equal(DateOnly.Parse(monday, CultureInfo.InvariantCulture), TeamWeek.Containing(DateOnly.Parse(date, CultureInfo.InvariantCulture)).Monday);
    }

    [Theory]
    [InlineData("2026-11-18", "Week of 16 Nov", "2026-W47")]
    [InlineData("2027-01-01", "Week of 28 Dec", "2026-W53")] // 2026 has 53 ISO weeks
    [InlineData("2027-01-04", "Week of 4 Jan", "2027-W01")]
    [InlineData("2025-12-31", "Week of 29 Dec", "2026-W01")] // ISO year differs from the calendar year
    public void Weeks_are_named_by_their_monday_and_keyed_by_iso_week(string date, string name, string key)
    {
        var week = TeamWeek.Containing(DateOnly.Parse(date, CultureInfo.InvariantCulture));

        Assert.Equal(name, week.Name);
        Assert.Equal(key, week.Key);
    }

    [Fact]
    public void Default_prompt_is_friday_ten_and_the_week_closes_monday_nine_of_the_next_week()
    {
        var calendar = new TeamCalendar("Europe/Berlin");
        var week = calendar.WeekContaining(At("2026-11-18T12:00:00Z"));

        Assert.Equal(new DateOnly(2026, 11, 16), week.Monday);
        Assert.Equal(At("2026-11-20T10:00:00+01:00"), calendar.PromptAt(week));
        Assert.Equal(At("2026-11-23T09:00:00+01:00"), calendar.ClosesAt(week));
    }

    [Theory]
    [InlineData("Europe/Berlin", "2026-03-23", "2026-03-27T09:00:00Z", "2026-03-30T07:00:00Z")] // CET prompt, CEST close
    [InlineData("America/New_York", "2026-10-26", "2026-10-30T14:00:00Z", "2026-11-02T14:00:00Z")] // EDT prompt, EST close
    [InlineData("Pacific/Auckland", "2026-09-21", "2026-09-24T22:00:00Z", "2026-09-27T20:00:00Z")] // NZST prompt, NZDT close
    public void Prompt_and_close_keep_local_time_across_dst(string zone, string monday, string prompt, string close)
    {
        var calendar = new TeamCalendar(zone);
        var week = TeamWeek.Containing(DateOnly.Parse(monday, CultureInfo.InvariantCulture));

        Assert.Equal(At(prompt), calendar.PromptAt(week));
        Assert.Equal(At(close), calendar.ClosesAt(week));
    }

    [Fact]
    public void The_team_zone_decides_the_week_across_the_date_line()
    {
        // 2026-11-22T12:00Z is Monday 01:00 in Auckland but still Sunday 02:00 in Honolulu.
        var instant = At("2026-11-22T12:00:00Z");

        Assert.Equal("Week of 23 Nov", new TeamCalendar("Pacific/Auckland").WeekContaining(instant).Name);
        Assert.Equal("Week of 16 Nov", new TeamCalendar("Pacific/Honolulu").WeekContaining(instant).Name);
    }

    [Fact]
    public void Kiritimati_and_pago_pago_are_a_day_and_a_week_apart_at_the_same_instant()
    {
        // Monday 00:30 (+14) and Saturday 23:30 (-11).
        var instant = At("2026-11-22T10:30:00Z");

        Assert.Equal(new DateOnly(2026, 11, 23), new TeamCalendar("Pacific/Kiritimati").WeekContaining(instant).Monday);
        Assert.Equal(new DateOnly(2026, 11, 16), new TeamCalendar("Pacific/Pago_Pago").WeekContaining(instant).Monday);
    }

    [Fact]
    public void An_auckland_weeks_prompt_reaches_honolulu_on_the_previous_local_day()
    {
        var calendar = new TeamCalendar("Pacific/Auckland");
        var prompt = calendar.PromptAt(TeamWeek.Containing(new DateOnly(2026, 11, 16)));

        Assert.Equal(At("2026-11-20T10:00:00+13:00"), prompt);
        Assert.Equal(new DateOnly(2026, 11, 19), MemberSchedule.Default("Pacific/Honolulu").LocalDateAt(prompt));
    }

    [Theory]
    [InlineData("2026-11-23T08:59:00+01:00", "2026-11-16")] // Monday before the close: still last week
    [InlineData("2026-11-23T09:00:00+01:00", "2026-11-23")]
    [InlineData("2026-11-27T18:00:00+01:00", "2026-11-23")]
    [InlineData("2026-11-29T23:59:00+01:00", "2026-11-23")]
    public void Each_week_owns_the_time_from_the_previous_close_to_its_own(string instant, string monday)
    {
        var week = new TeamCalendar("Europe/Berlin").ReportingWeekAt(At(instant));

        Assert.Equal(DateOnly.Parse(monday, CultureInfo.InvariantCulture), week.Monday);
    }

    [Fact]
    public void An_update_at_or_after_the_close_is_late()
    {
        var calendar = new TeamCalendar("Europe/Berlin");
        var week = TeamWeek.Containing(new DateOnly(2026, 11, 16));

        Assert.False(calendar.IsLate(week, At("2026-11-23T08:59:59+01:00")));
        Assert.True(calendar.IsLate(week, At("2026-11-23T09:00:00+01:00")));
    }

    [Theory]
    [InlineData("2026-11-20T09:59:00+01:00", "2026-11-16")]
    [InlineData("2026-11-20T10:00:00+01:00", "2026-11-23")] // a prompt due right now is not "next"
    [InlineData("2026-11-22T20:00:00+01:00", "2026-11-23")]
    public void Next_prompt_week_is_the_first_with_a_prompt_strictly_later(string instant, string monday)
    {
        var week = new TeamCalendar("Europe/Berlin").NextPromptWeek(At(instant));

        Assert.Equal(DateOnly.Parse(monday, CultureInfo.InvariantCulture), week.Monday);
    }

    [Fact]
    public void Prompt_and_close_can_be_configured()
    {
        var calendar = new TeamCalendar(
            "America/New_York",
            new WeeklyTime(DayOfWeek.Thursday, new TimeOnly(16, 0)),
            new WeeklyTime(DayOfWeek.Tuesday, new TimeOnly(12, 0)));
        var week = TeamWeek.Containing(new DateOnly(2026, 11, 16));

        Assert.Equal(At("2026-11-19T16:00:00-05:00"), calendar.PromptAt(week));
        Assert.Equal(At("2026-11-24T12:00:00-05:00"), calendar.ClosesAt(week));
    }

    [Fact]
    public void Unknown_team_zone_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new TeamCalendar("Europe/Atlantis"));

        Assert.Contains("Europe/Atlantis", error.Message, StringComparison.Ordinal);
        Assert.False(TimeZoneIds.IsKnown("Europe/Atlantis"));
        Assert.True(TimeZoneIds.IsKnown("Pacific/Kiritimati"));
    }
}
