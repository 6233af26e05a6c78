using NodaTime;

namespace AsyncLead.Features.Members;

/// <summary>IANA time zone ids (as Slack's <c>users.info</c> reports them), resolved against NodaTime's TZDB.</summary>
public static class TimeZoneIds
{
    public static bool IsKnown(string? id) =>
        !string.IsNullOrWhiteSpace(id) && DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) is not null;

    internal static DateTimeZone Resolve(string id) =>
        IsKnown(id) ? DateTimeZoneProviders.Tzdb[id] : throw new ArgumentException(UnknownMessage(id), nameof(id));

    internal static string UnknownMessage(string? id) =>
        $"Unknown time zone \"{id}\". Use an IANA time zone id such as Europe/Berlin or America/New_York.";
}
