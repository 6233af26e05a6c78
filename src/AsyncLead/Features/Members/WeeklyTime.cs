using System.Globalization;

namespace AsyncLead.Features.Members;

/// <summary>A weekday and local time of day, such as Friday 10:00.</summary>
public sealed record WeeklyTime(DayOfWeek Day, TimeOnly Time)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Day.ToString()[..3]} {Time:HH\\:mm}");
}
