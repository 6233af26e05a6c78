using System.Globalization;
using AsyncLead.Features.Members;

namespace AsyncLead.Tests.Features.Members;

/// <summary>Terse, explicit schedules and instants for time tests.</summary>
internal static class Schedules
{
    public static MemberSchedule Create(
        string timeZoneId,
        IEnumerable<WeeklyWindow>? working = null,
        IEnumerable<WeeklyWindow>? focus = null,
        IEnumerable<AwayPeriod>? away = null)
    {
        Assert.True(
            MemberSchedule.TryCreate(timeZoneId, working ?? MemberSchedule.DefaultWorkingHours, focus ?? [], away ?? [], out var schedule, out var errors),
            string.Join(" ", errors));
        return schedule;
    }

    public static IEnumerable<WeeklyWindow> Times(string start, string end, params DayOfWeek[] days) =>
        days.Select(day => new WeeklyWindow(day, TimeOnly.Parse(start, CultureInfo.InvariantCulture), TimeOnly.Parse(end, CultureInfo.InvariantCulture)));

    public static AwayPeriod Away(string from, string until) =>
        new(DateOnly.Parse(from, CultureInfo.InvariantCulture), DateOnly.Parse(until, CultureInfo.InvariantCulture));

    public static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);
}
