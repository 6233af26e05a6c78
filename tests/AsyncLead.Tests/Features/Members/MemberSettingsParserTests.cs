using AsyncLead.Features.Members;
using static AsyncLead.Tests.Features.Members.Schedules;

namespace AsyncLead.Tests.Features.Members;

public sealed class MemberSettingsParserTests
{
    private static readonly DateOnly Wednesday = new(2026, 11, 18);

    [Fact]
    public void Hours_for_a_day_range()
    {
        var change = Parse<MemberSettingsChange.SetWorkingHours>("hours Mon-Fri 08:30-16:30");

        Assert.Equal(
            Times("08:30", "16:30", DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday),
            change.Windows);
    }

    [Fact]
    public void Hours_with_several_specs_replace_all_working_hours()
    {
        var change = Parse<MemberSettingsChange.SetWorkingHours>("hours Mon-Thu 09:00-17:00, Fri 09:00-13:00");

        Assert.Equal(
            [.. Times("09:00", "17:00", DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday), .. Times("09:00", "13:00", DayOfWeek.Friday)],
            change.Windows);
    }

    [Theory]
    [InlineData("Working hours Sun-Thu 8am-4pm")] // wraps around the week; am/pm
    [InlineData("hours sunday to thursday 08:00 to 16:00")]
    [InlineData("HOURS Sun–Thu 8-16")] // en dash, hour-only times
    [InlineData("settings hours Sun, Mon, Tue & Wed and Thu 08:00-16:00")]
    public void Hours_accept_common_spellings(string text)
    {
        var change = Parse<MemberSettingsChange.SetWorkingHours>(text);

        Assert.Equal(
            Times("08:00", "16:00", DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday),
            change.Windows);
    }

    [Theory]
    [InlineData("12am-12:30pm", "00:00", "12:30")]
    [InlineData("9:15 a.m. - 5:45 p.m.", "09:15", "17:45")]
    public void Twelve_hour_times_are_read_correctly(string range, string start, string end)
    {
        var change = Parse<MemberSettingsChange.SetWorkingHours>($"hours weekdays {range}");

        Assert.Equal(5, change.Windows.Count);
        Assert.All(change.Windows, w => Assert.Equal(Times(start, end, w.Day).Single(), w));
    }

    [Fact]
    public void Days_without_a_time_share_the_next_time_range()
    {
        var change = Parse<MemberSettingsChange.SetFocusBlocks>("focus Mon, Wed 09:00-12:00");

        Assert.Equal(Times("09:00", "12:00", DayOfWeek.Monday, DayOfWeek.Wednesday), change.Blocks);
    }

    [Fact]
    public void Focus_blocks_replace_all_focus_blocks()
    {
        var change = Parse<MemberSettingsChange.SetFocusBlocks>("focus Tue-Thu 09:00-12:00");

        Assert.Equal(Times("09:00", "12:00", DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday), change.Blocks);
    }

    [Theory]
    [InlineData("focus none")]
    [InlineData("focus OFF")]
    public void Focus_none_clears_focus_blocks(string text)
    {
        Assert.Empty(Parse<MemberSettingsChange.SetFocusBlocks>(text).Blocks);
    }

    [Theory]
    [InlineData("away until 2026-12-01", "2026-11-18", "2026-12-01")] // from today, through the given day
    [InlineData("away 2026-11-23..2026-11-27", "2026-11-23", "2026-11-27")]
    [InlineData("away 2026-11-23 to 2026-11-27", "2026-11-23", "2026-11-27")]
    [InlineData("away from 2026-11-23 – 2026-11-27", "2026-11-23", "2026-11-27")]
    [InlineData("away 2026-11-23", "2026-11-23", "2026-11-23")]
    [InlineData("away today", "2026-11-18", "2026-11-18")]
    [InlineData("away this week", "2026-11-18", "2026-11-22")]
    [InlineData("away next week", "2026-11-23", "2026-11-29")]
    [InlineData("Away Next Week", "2026-11-23", "2026-11-29")]
    public void Away_periods(string text, string from, string until)
    {
        Assert.Equal(Away(from, until), Parse<MemberSettingsChange.AddAwayPeriod>(text).Period);
    }

    [Fact]
    public void Next_week_on_a_sunday_is_the_iso_week_after_it()
    {
        Assert.True(MemberSettingsParser.TryParse("away next week", new DateOnly(2026, 11, 22), out var change, out _));

        Assert.Equal(Away("2026-11-23", "2026-11-29"), Assert.IsType<MemberSettingsChange.AddAwayPeriod>(change).Period);
    }

    [Fact]
    public void Away_none_clears_away_periods()
    {
        Assert.IsType<MemberSettingsChange.ClearAwayPeriods>(Parse<MemberSettingsChange>("away none"));
    }

    [Theory]
    [InlineData("hours Mon-Fry 9-17", "\"Fry\" isn't a day I know", "`hours Mon-Fri 09:00-17:00`")]
    [InlineData("hours Mon-Fri", "needs a time range", "`hours Mon-Fri 09:00-17:00`")]
    [InlineData("hours 09:00-17:00", "Which days is 09:00-17:00 for?", "`hours Mon-Fri 09:00-17:00`")]
    [InlineData("hours", "Which days and times?", "`hours Mon-Fri 09:00-17:00`")]
    [InlineData("hours Mon- 09:00-17:00", "A day range needs a day at each end", "`hours Mon-Fri 09:00-17:00`")]
    [InlineData("focus Tue 25:00-26:00", "I couldn't read the time \"25:00\"", "24-hour times")]
    [InlineData("focus Tue 9:00-13pm", "I couldn't read the time \"13pm\"", "24-hour times")]
    [InlineData("away until 1 Dec", "I couldn't read \"away until 1 Dec\"", "`away until 2026-12-01`")]
    [InlineData("away until 2026-02-30", "2026-02-30 isn't a date", "YYYY-MM-DD")]
    [InlineData("away until 2026-11-01", "2026-11-01 has already passed (today is 2026-11-18)", "`away next week`")]
    [InlineData("away", "Away when?", "`away 2026-11-23..2026-11-27`")]
    [InlineData("snooze 1h", "I didn't understand \"snooze 1h\"", "`focus Tue-Thu 09:00-12:00`")]
    [InlineData("  ", "I understand:", "`away until 2026-12-01`")]
    public void Errors_say_what_was_wrong_and_show_the_accepted_forms(string text, string problem, string form)
    {
        Assert.False(MemberSettingsParser.TryParse(text, Wednesday, out var change, out var error));

        Assert.Null(change);
        Assert.Contains(problem, error, StringComparison.Ordinal);
        Assert.Contains(form, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parsed_changes_are_validated_when_applied()
    {
        var change = Parse<MemberSettingsChange>("hours Mon-Fri 17:00-09:00");

        Assert.False(change.TryApply(MemberSchedule.Default("Europe/Berlin"), out var updated, out var errors));

        Assert.Null(updated);
        Assert.Equal(6, errors.Count); // each inverted day, and so no working day at all
        Assert.StartsWith("Working hours Mon 17:00-09:00: the start must be before the end", errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Applying_changes_keeps_everything_else()
    {
        var schedule = MemberSchedule.Default("Asia/Kolkata");
        foreach (var text in new[] { "focus Tue-Thu 09:00-12:00", "away 2026-11-23..2026-11-27", "hours Mon-Fri 10:00-18:00" })
        {
            Assert.True(Parse<MemberSettingsChange>(text).TryApply(schedule, out var updated, out var errors), string.Join(" ", errors));
            schedule = updated;
        }

        Assert.Equal("Asia/Kolkata", schedule.TimeZoneId);
        Assert.Equal(Times("09:00", "12:00", DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday), schedule.FocusBlocks);
        Assert.Equal([Away("2026-11-23", "2026-11-27")], schedule.AwayPeriods);
        Assert.All(schedule.WorkingHours, w => Assert.Equal((new TimeOnly(10, 0), new TimeOnly(18, 0)), (w.Start, w.End)));

        Assert.True(Parse<MemberSettingsChange>("away none").TryApply(schedule, out var back, out _));
        Assert.Empty(back.AwayPeriods);
    }

    [Fact]
    public void Describe_writes_settings_in_the_forms_the_parser_reads()
    {
        var schedule = Create(
            "Europe/Berlin",
            working: [.. Times("09:00", "17:00", DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday), .. Times("09:00", "13:00", DayOfWeek.Friday)],
            focus: [.. Times("09:00", "12:00", DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday), .. Times("14:00", "16:00", DayOfWeek.Monday)],
            away: [Away("2026-11-23", "2026-11-27")]);

        var lines = MemberSettingsParser.Describe(schedule);

        Assert.Equal(
            ["hours Mon-Thu 09:00-17:00, Fri 09:00-13:00", "focus Mon 14:00-16:00, Tue-Thu 09:00-12:00", "away 2026-11-23..2026-11-27"],
            lines);
        var rebuilt = MemberSchedule.Default("Europe/Berlin");
        foreach (var line in lines)
        {
            Assert.True(Parse<MemberSettingsChange>(line).TryApply(rebuilt, out var updated, out _));
            rebuilt = updated;
        }

        Assert.Equal(lines, MemberSettingsParser.Describe(rebuilt));
    }

    [Fact]
    public void Describe_says_none_for_empty_focus_and_away()
    {
        Assert.Equal(
            ["hours Mon-Fri 09:00-17:00", "focus none", "away none"],
            MemberSettingsParser.Describe(MemberSchedule.Default("UTC")));
    }

    private static T Parse<T>(string text)
        where T : MemberSettingsChange
    {
        Assert.True(MemberSettingsParser.TryParse(text, Wednesday, out var change, out var error), error);
        return Assert.IsAssignableFrom<T>(change);
    }
}
