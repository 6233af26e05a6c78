using NodaTime.TimeZones;

namespace AsyncLead.Features.Members;

/// <summary>
/// The IANA zones a person picks from, grouped by region (Africa, America, Asia, Europe…): TZDB's zone.tab, one zone
/// per place (no aliases), each shown as its place ("New York", "Argentina / Buenos Aires"). A region with more zones
/// than a select group may hold is cut into alphabetical parts ("America (A–L)").
/// </summary>
public static class TimeZoneChoices
{
    /// <summary>Slack's limit of options in one group.</summary>
    public const int MaxPerGroup = 100;

    private static readonly Lazy<IReadOnlyList<TimeZoneGroup>> All = new(Build);

    public static IReadOnlyList<TimeZoneGroup> Groups => All.Value;

    /// <summary>"New York" for America/New_York, "Argentina / Buenos Aires" for America/Argentina/Buenos_Aires.</summary>
    public static string Place(string zoneId)
    {
        var slash = zoneId.IndexOf('/', StringComparison.Ordinal);
        return (slash < 0 ? zoneId : zoneId[(slash + 1)..]).Replace('_', ' ').Replace("/", " / ", StringComparison.Ordinal);
    }

    private static IReadOnlyList<TimeZoneGroup> Build()
    {
        var ids = (TzdbDateTimeZoneSource.Default.ZoneLocations ?? [])
            .Select(location => location.ZoneId)
            .Where(id => id.Contains('/', StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var groups = new List<TimeZoneGroup> { new("UTC", ["UTC"]) };
        foreach (var region in ids.GroupBy(id => id[..id.IndexOf('/', StringComparison.Ordinal)], StringComparer.Ordinal))
        {
            var zones = region.ToList();
            var parts = (zones.Count + MaxPerGroup - 1) / MaxPerGroup;
            var size = (zones.Count + parts - 1) / parts;
            for (var part = 0; part < parts; part++)
            {
                var chunk = zones.Skip(part * size).Take(size).ToList();
                var label = parts == 1 ? region.Key : $"{region.Key} ({Place(chunk[0])[0]}–{Place(chunk[^1])[0]})";
                groups.Add(new TimeZoneGroup(label, chunk));
            }
        }

        return groups;
    }
}
