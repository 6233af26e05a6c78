using NodaTime;
using NodaTime.Extensions;
using NodaTime.TimeZones;

namespace AsyncLead.Features.Members;

/// <summary>
/// A team's weekly rhythm in the team's time zone: weeks are ISO weeks there, the week's prompt goes out on
/// the prompt day and time of that week, and the week closes on the close day and time of the following week.
/// </summary>
public sealed class TeamCalendar
{
    public static WeeklyTime DefaultPrompt { get; } = new(DayOfWeek.Friday, new TimeOnly(10, 0));

    public static WeeklyTime DefaultClose { get; } = new(DayOfWeek.Monday, new TimeOnly(9, 0));

    private readonly DateTimeZone zone;

    /// <summary>Throws <see cref="ArgumentException"/> for an unknown zone id (check with <see cref="TimeZoneIds.IsKnown"/>).</summary>
    public TeamCalendar(string timeZoneId, WeeklyTime? prompt = null, WeeklyTime? close = null)
    {
        zone = TimeZoneIds.Resolve(timeZoneId);
        Prompt = prompt ?? DefaultPrompt;
        Close = close ?? DefaultClose;
    }

    public string TimeZoneId => zone.Id;

    public WeeklyTime Prompt { get; }

    /// <summary>When a week closes, counted in the week after it.</summary>
    public WeeklyTime Close { get; }

    public TeamWeek WeekContaining(DateTimeOffset instant) =>
        TeamWeek.Containing(Instant.FromDateTimeOffset(instant).InZone(zone).Date.ToDateOnly());

    public DateTimeOffset PromptAt(TeamWeek week) => At(week.Monday, Prompt);

    public DateTimeOffset ClosesAt(TeamWeek week) => At(week.Next().Monday, Close);

    /// <summary>
    /// The week an update written at <paramref name="instant"/> reports on: every week owns the time from the
    /// previous week's close to its own close, so a Monday-morning update before the close still counts for last week.
    /// </summary>
    public TeamWeek ReportingWeekAt(DateTimeOffset instant)
    {
        var week = WeekContaining(instant);
        return instant < ClosesAt(week.Previous()) ? week.Previous() : week;
    }

    public bool IsLate(TeamWeek week, DateTimeOffset submittedAt) => submittedAt >= ClosesAt(week);

    /// <summary>The first week whose prompt is strictly after <paramref name="instant"/>: what to schedule next.</summary>
    public TeamWeek NextPromptWeek(DateTimeOffset instant)
    {
        var week = WeekContaining(instant);
        return PromptAt(week) > instant ? week : week.Next();
    }

    // Prompt and close times are daytime, so a DST edge is unlikely; if one is hit, a skipped time moves
    // forward by the gap and a repeated time takes its first occurrence.
    private DateTimeOffset At(DateOnly monday, WeeklyTime time)
    {
        var date = LocalDate.FromDateOnly(monday).PlusDays(((int)time.Day + 6) % 7);
        return zone.ResolveLocal(date + LocalTime.FromTimeOnly(time.Time), Resolvers.LenientResolver)
            .ToInstant()
            .ToDateTimeOffset();
    }
}
