using System.Diagnostics.CodeAnalysis;
using NodaTime;
using NodaTime.Extensions;
using NodaTime.TimeZones;

namespace AsyncLead.Features.Members;

/// <summary>
/// When a member may be nudged: their IANA time zone, working hours, focus blocks, away periods and, where Slack tells
/// us, their do-not-disturb windows.
/// Every "when" question about a member goes through here. Instants in and out are <see cref="DateTimeOffset"/>
/// (returned in UTC); wall-clock values are the member's local <see cref="DateOnly"/>/<see cref="TimeOnly"/>.
/// </summary>
public sealed partial class MemberSchedule
{
    /// <summary>Mon-Fri 09:00-17:00, the working hours of anyone who hasn't set their own.</summary>
    public static IReadOnlyList<WeeklyWindow> DefaultWorkingHours { get; } =
        [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(day => new WeeklyWindow(day, new TimeOnly(9, 0), new TimeOnly(17, 0)))];

    private readonly DateTimeZone zone;

    // Working hours minus focus blocks, per DayOfWeek index: the local times a nudge may arrive.
    private readonly IReadOnlyList<WeeklyWindow>[] allowedByDay;

    private MemberSchedule(
        DateTimeZone zone,
        IReadOnlyList<WeeklyWindow> workingHours,
        IReadOnlyList<WeeklyWindow> focusBlocks,
        IReadOnlyList<AwayPeriod> awayPeriods,
        IReadOnlyList<WeeklyWindow>[] allowedByDay,
        IReadOnlyList<DndWindow> dnd)
    {
        this.zone = zone;
        WorkingHours = workingHours;
        FocusBlocks = focusBlocks;
        AwayPeriods = awayPeriods;
        this.allowedByDay = allowedByDay;
        Dnd = dnd;
    }

    public string TimeZoneId => zone.Id;

    public IReadOnlyList<WeeklyWindow> WorkingHours { get; }

    public IReadOnlyList<WeeklyWindow> FocusBlocks { get; }

    public IReadOnlyList<AwayPeriod> AwayPeriods { get; }

    /// <summary>Slack do-not-disturb windows (absolute instants) no nudge may fall in; empty where the app can't read DND.</summary>
    public IReadOnlyList<DndWindow> Dnd { get; }

    /// <summary>
    /// The same schedule, also keeping out of <paramref name="dnd"/> (instead of any DND it had), each window widened to
    /// whole minutes: nudges are placed on whole minutes.
    /// </summary>
    public MemberSchedule WithDnd(IEnumerable<DndWindow> dnd) =>
        new(zone, WorkingHours, FocusBlocks, AwayPeriods, allowedByDay,
            [.. dnd.Where(window => window.Start < window.End).Select(window => new DndWindow(MinuteFloor(window.Start), MinuteCeiling(window.End)))]);

    /// <summary>Default hours, no focus blocks, never away. Throws <see cref="ArgumentException"/> for an unknown zone id.</summary>
    public static MemberSchedule Default(string timeZoneId) =>
        TryCreate(timeZoneId, DefaultWorkingHours, [], [], out var schedule, out var errors)
            ? schedule
            : throw new ArgumentException(string.Join(" ", errors), nameof(timeZoneId));

    /// <summary>Validates and builds a schedule; <paramref name="errors"/> are sentences meant for the member.</summary>
    public static bool TryCreate(
        string timeZoneId,
        IEnumerable<WeeklyWindow> workingHours,
        IEnumerable<WeeklyWindow> focusBlocks,
        IEnumerable<AwayPeriod> awayPeriods,
        [NotNullWhen(true)] out MemberSchedule? schedule,
        out IReadOnlyList<string> errors)
    {
        IReadOnlyList<WeeklyWindow> working = [.. workingHours];
        IReadOnlyList<WeeklyWindow> focus = [.. focusBlocks];
        IReadOnlyList<AwayPeriod> away = [.. awayPeriods];
        var problems = new List<string>();

        if (!TimeZoneIds.IsKnown(timeZoneId))
        {
            problems.Add(TimeZoneIds.UnknownMessage(timeZoneId));
        }

        problems.AddRange(working.Where(w => w.Start >= w.End).Select(w => InvertedWindowMessage("Working hours", w)));
        problems.AddRange(focus.Where(w => w.Start >= w.End).Select(w => InvertedWindowMessage("Focus block", w)));
        problems.AddRange(away.Where(a => a.From > a.Until).Select(a =>
            $"Away {a}: the first day must not be after the last."));

        IReadOnlyList<WeeklyWindow>[] allowed = [.. Enum.GetValues<DayOfWeek>().Select(day => AllowedWindows(day, working, focus))];
        if (!working.Any(w => w.Start < w.End))
        {
            problems.Add("Working hours must include at least one day, for example Mon-Fri 09:00-17:00.");
        }
        else if (problems.Count == 0 && allowed.All(windows => windows.Count == 0))
        {
            problems.Add("Your focus blocks cover all of your working hours, so reminders could never reach you. " +
                "Leave some working time outside focus.");
        }

        errors = problems;
        schedule = problems.Count == 0
            ? new MemberSchedule(TimeZoneIds.Resolve(timeZoneId), working, focus, away, allowed, [])
            : null;
        return schedule is not null;
    }

    /// <summary>The member's local date at an instant (e.g. "today" for the settings parser).</summary>
    public DateOnly LocalDateAt(DateTimeOffset instant) => Local(Instant.FromDateTimeOffset(instant)).Date.ToDateOnly();

    public bool IsAwayOn(DateOnly localDate) => AwayPeriods.Any(a => a.Includes(localDate));

    /// <summary>Away on every working day of the week (Monday to Sunday of <paramref name="week"/>): shown as away, not missing.</summary>
    public bool IsAwayForWeek(TeamWeek week) =>
        Enumerable.Range(0, 7)
            .Select(offset => week.Monday.AddDays(offset))
            .Where(date => IsWorkingDay(date.DayOfWeek))
            .All(IsAwayOn);

    /// <summary>True when a nudge may arrive at this instant: inside working hours, outside focus blocks and DND, not away.</summary>
    public bool IsAllowed(DateTimeOffset instant) => IsAllowed(Instant.FromDateTimeOffset(instant));

    internal bool IsWorkingDay(DayOfWeek day) => WorkingHours.Any(w => w.Day == day);

    /// <summary>
    /// How many of their working days lie wholly within [<paramref name="from"/>, <paramref name="until"/>], in their
    /// own zone: all of that day's working hours, on a day they are not away.
    /// </summary>
    public int WholeWorkingDaysBetween(DateTimeOffset from, DateTimeOffset until)
    {
        var count = 0;
        var last = Local(Instant.FromDateTimeOffset(until)).Date;
        for (var date = Local(Instant.FromDateTimeOffset(from)).Date; date <= last; date = date.PlusDays(1))
        {
            var day = date.DayOfWeek.ToDayOfWeek();
            var hours = WorkingHours.Where(w => w.Day == day).ToList();
            if (hours.Count == 0 || IsAwayOn(date.ToDateOnly()))
            {
                continue;
            }

            var start = Resolve(date + LocalTime.FromTimeOnly(hours.Min(w => w.Start)));
            var end = Resolve(date + LocalTime.FromTimeOnly(hours.Max(w => w.End)));
            count += start >= from && end <= until ? 1 : 0;
        }

        return count;
    }

    /// <summary>The same local time of day as <paramref name="from"/>, <paramref name="workingDays"/> working days later.</summary>
    internal DateTimeOffset SameTimeWorkingDaysLater(DateTimeOffset from, int workingDays)
    {
        var local = Local(Instant.FromDateTimeOffset(from));
        var date = local.Date;
        for (var counted = 0; counted < workingDays;)
        {
            date = date.PlusDays(1);
            counted += IsWorkingDay(date.DayOfWeek.ToDayOfWeek()) ? 1 : 0;
        }

        return Resolve(date + local.TimeOfDay);
    }

    /// <summary>The start of working hours on the first working day after the local date of <paramref name="after"/>.</summary>
    internal DateTimeOffset NextWorkdayMorning(DateTimeOffset after)
    {
        var date = Local(Instant.FromDateTimeOffset(after)).Date.PlusDays(1);
        while (!IsWorkingDay(date.DayOfWeek.ToDayOfWeek()))
        {
            date = date.PlusDays(1);
        }

        var day = date.DayOfWeek.ToDayOfWeek();
        var start = WorkingHours.Where(w => w.Day == day).Min(w => w.Start);
        return Resolve(date + LocalTime.FromTimeOnly(start));
    }

    // A skipped local time moves forward by the DST gap; a repeated one takes its first occurrence.
    private DateTimeOffset Resolve(LocalDateTime local) =>
        zone.ResolveLocal(local, Resolvers.LenientResolver).ToInstant().ToDateTimeOffset();

    private bool IsAllowed(Instant instant)
    {
        var local = Local(instant);
        var time = local.TimeOfDay.ToTimeOnly();
        return !IsAwayOn(local.Date.ToDateOnly())
            && allowedByDay[(int)local.DayOfWeek.ToDayOfWeek()].Any(w => w.Contains(time))
            && !Dnd.Any(window => window.Contains(instant.ToDateTimeOffset()));
    }

    private LocalDateTime Local(Instant instant) => instant.InZone(zone).LocalDateTime;

    private static DateTimeOffset MinuteFloor(DateTimeOffset instant) =>
        new(instant.UtcTicks - (instant.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);

    private static DateTimeOffset MinuteCeiling(DateTimeOffset instant) =>
        instant.UtcTicks % TimeSpan.TicksPerMinute == 0 ? instant.ToUniversalTime() : MinuteFloor(instant).AddMinutes(1);

    private static string InvertedWindowMessage(string kind, WeeklyWindow window) =>
        $"{kind} {window}: the start must be before the end, within one day (use 24-hour times such as 09:00-17:00).";

    private static IReadOnlyList<WeeklyWindow> AllowedWindows(
        DayOfWeek day, IReadOnlyList<WeeklyWindow> working, IReadOnlyList<WeeklyWindow> focus)
    {
        // Overlapping windows may stay overlapping: the searches only need every boundary, not a minimal set.
        IReadOnlyList<WeeklyWindow> allowed = [.. working.Where(w => w.Day == day && w.Start < w.End)];
        foreach (var block in focus.Where(f => f.Day == day && f.Start < f.End))
        {
            allowed = [.. allowed.SelectMany(w => Subtract(w, block))];
        }

        return allowed;
    }

    private static IEnumerable<WeeklyWindow> Subtract(WeeklyWindow window, WeeklyWindow block)
    {
        if (block.End <= window.Start || block.Start >= window.End)
        {
            yield return window;
            yield break;
        }

        if (window.Start < block.Start)
        {
            yield return window with { End = block.Start };
        }

        if (block.End < window.End)
        {
            yield return window with { Start = block.End };
        }
    }
}
