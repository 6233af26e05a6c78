using System.Globalization;

namespace AsyncLead.Features.Members;

/// <summary>
/// A recurring stretch of local wall-clock time on one weekday, from <see cref="Start"/> (inclusive) to
/// <see cref="End"/> (exclusive). Used for working hours and focus blocks; it never crosses midnight.
/// </summary>
public sealed record WeeklyWindow(DayOfWeek Day, TimeOnly Start, TimeOnly End)
{
    internal bool Contains(TimeOnly time) => Start <= time && time < End;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Day.ToString()[..3]} {Start:HH\\:mm}-{End:HH\\:mm}");
}
