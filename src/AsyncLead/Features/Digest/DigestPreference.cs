using System.Globalization;
using AsyncLead.Features.Members;

namespace AsyncLead.Features.Digest;

/// <summary>When a recipient gets their digest, in their own time zone; <see cref="IsOff"/> means never.</summary>
public sealed record DigestPreference(WeeklyTime Time, bool IsOff)
{
    /// <summary>Monday 09:00: the lead reads the week that was before the new one starts.</summary>
    public static DigestPreference Default { get; } = new(new WeeklyTime(DayOfWeek.Monday, new TimeOnly(9, 0)), IsOff: false);

    /// <summary>"Mondays at 09:00", as people read it.</summary>
    public string Describe() =>
        IsOff ? "off" : string.Create(CultureInfo.InvariantCulture, $"{Time.Day}s at {Time.Time:HH\\:mm}");
}
