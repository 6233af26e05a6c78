using System.Globalization;
using AsyncLead.Features.Members;
using NodaTime;

namespace AsyncLead.Web;

/// <summary>
/// The person reading a page and the people it names: times in the reader's zone (named on the page), names as
/// Slack shows them. A page falls back to a zone of its own (the team's, the author's) when the reader is unknown.
/// </summary>
public sealed class PageReader(DateTimeZone zone, string zoneOwner, IReadOnlyDictionary<string, string> names)
{
    public string ZoneId => zone.Id;

    /// <summary>"Times are in Europe/Berlin (your Slack time zone)."</summary>
    public string ZoneNote => $"Times are in {zone.Id} ({zoneOwner}).";

    /// <summary>A person's display name, or their Slack id when the members cache doesn't know them.</summary>
    public string Name(string userId) => names.TryGetValue(userId, out var name) ? name : userId;

    /// <summary>"Fri 21 Nov 2025, 10:15" in the reader's zone.</summary>
    public string Time(DateTimeOffset at) => Local(at).ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"Fri 21 Nov 2025" in the reader's zone.</summary>
    public string Date(DateTimeOffset at) => Local(at).Date.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>A <c>time</c> element: the instant for machines, the local time and zone abbreviation for people.</summary>
    public string TimeHtml(DateTimeOffset at, bool dateOnly = false)
    {
        var local = Instant.FromDateTimeOffset(at).InZone(zone);
        var text = dateOnly ? Date(at) : $"{Time(at)} {local.GetZoneInterval().Name}";
        return $"<time datetime=\"{at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}\">{PageLayout.Encode(text)}</time>";
    }

    private LocalDateTime Local(DateTimeOffset at) => Instant.FromDateTimeOffset(at).InZone(zone).LocalDateTime;
}
