using AsyncLead.Features.Digest;
using AsyncLead.Features.Members;

namespace AsyncLead.Tests.Features.Digest;

public sealed class DigestScheduleTests
{
    private static readonly WeeklyTime MondayNine = DigestPreference.Default.Time;

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2025, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void Monday_nine_in_kolkata_is_half_past_three_utc_all_year()
    {
        Assert.Equal(Utc(10, 27, 3, 30), DigestSchedule.NextAt(MondayNine, "Asia/Kolkata", Utc(10, 20, 8)));
        Assert.Equal(Utc(11, 3, 3, 30), DigestSchedule.NextAt(MondayNine, "Asia/Kolkata", Utc(10, 27, 3, 30)));
    }

    [Fact]
    public void Monday_nine_in_los_angeles_moves_an_hour_in_utc_when_summer_time_ends()
    {
        // PDT (UTC-7) until Sun 2 Nov 2025, PST (UTC-8) after.
        Assert.Equal(Utc(10, 27, 16), DigestSchedule.NextAt(MondayNine, "America/Los_Angeles", Utc(10, 20, 16)));
        Assert.Equal(Utc(11, 3, 17), DigestSchedule.NextAt(MondayNine, "America/Los_Angeles", Utc(10, 27, 16)));
    }

    [Fact]
    public void The_next_digest_is_strictly_after_the_one_just_sent()
    {
        Assert.Equal(Utc(11, 24, 8), DigestSchedule.NextAt(MondayNine, "Europe/Berlin", Utc(11, 17, 8)));
        Assert.Equal(Utc(11, 17, 8), DigestSchedule.NextAt(MondayNine, "Europe/Berlin", Utc(11, 17, 7, 59)));
    }

    [Fact]
    public void A_time_skipped_by_the_spring_change_moves_forward_by_the_gap()
    {
        // Berlin skips 02:00-03:00 on Sun 30 Mar 2025.
        var sundayHalfTwo = new WeeklyTime(DayOfWeek.Sunday, new TimeOnly(2, 30));

        var at = DigestSchedule.NextAt(sundayHalfTwo, "Europe/Berlin", new DateTimeOffset(2025, 3, 24, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2025, 3, 30, 1, 30, 0, TimeSpan.Zero), at);
    }

    [Fact]
    public void A_monday_digest_reports_the_week_that_just_ended_and_a_friday_evening_one_the_week_being_written()
    {
        var team = new TeamCalendar("Europe/Berlin");

        Assert.Equal(new DateOnly(2025, 11, 17), DigestSchedule.ReportedWeek(team, Utc(11, 24, 8)).Monday);
        Assert.Equal(new DateOnly(2025, 11, 17), DigestSchedule.ReportedWeek(team, Utc(11, 21, 15, 30)).Monday);
        // Before Friday's prompt the current week hasn't been asked for yet.
        Assert.Equal(new DateOnly(2025, 11, 10), DigestSchedule.ReportedWeek(team, Utc(11, 21, 8, 59)).Monday);
    }
}
