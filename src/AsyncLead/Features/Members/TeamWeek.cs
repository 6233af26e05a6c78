using System.Globalization;
using NodaTime;
using NodaTime.Calendars;

namespace AsyncLead.Features.Members;

/// <summary>An ISO week (Monday to Sunday) of a team's calendar, named by its Monday.</summary>
public sealed record TeamWeek
{
    private TeamWeek(DateOnly monday) => Monday = monday;

    public DateOnly Monday { get; }

    public DateOnly Sunday => Monday.AddDays(6);

    public int IsoYear => WeekYearRules.Iso.GetWeekYear(LocalDate.FromDateOnly(Monday));

    public int WeekNumber => WeekYearRules.Iso.GetWeekOfWeekYear(LocalDate.FromDateOnly(Monday));

    /// <summary>Stable id such as "2026-W47", for job keys and storage.</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{IsoYear}-W{WeekNumber:00}");

    /// <summary>What people read, such as "Week of 16 Nov".</summary>
    public string Name => string.Create(CultureInfo.InvariantCulture, $"Week of {Monday:d MMM}");

    public static TeamWeek Containing(DateOnly date) =>
        new(date.AddDays(-(((int)date.DayOfWeek + 6) % 7)));

    public TeamWeek Next() => new(Monday.AddDays(7));

    public TeamWeek Previous() => new(Monday.AddDays(-7));

    public override string ToString() => Key;
}
