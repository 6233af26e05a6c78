using AsyncLead.Features.Members;
using NodaTime;

namespace AsyncLead.Web;

/// <summary>
/// Builds <see cref="PageReader"/>s from the members cache in one query. A page render never calls Slack: someone the
/// cache doesn't know yet is shown by id.
/// </summary>
public sealed class PageReaders(MemberDirectory members)
{
    /// <param name="fallbackZone">The zone to use when the reader is unknown, e.g. the team's.</param>
    /// <param name="fallbackOwner">Whose zone that is, as the page names it: "the team's time zone".</param>
    public async Task<PageReader> LoadAsync(LinkTarget target, IEnumerable<string> userIds, string fallbackZone, string fallbackOwner,
        CancellationToken cancellationToken)
    {
        var wanted = userIds.Append(target.ViewerId ?? "").Where(id => id.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        var rows = await members.CachedAsync(target.WorkspaceId, wanted, cancellationToken);
        var names = rows.Where(r => !string.IsNullOrWhiteSpace(r.DisplayName)).ToDictionary(r => r.UserId, r => r.DisplayName!, StringComparer.Ordinal);
        var viewerZone = rows.FirstOrDefault(r => r.UserId == target.ViewerId)?.TimeZone;
        return viewerZone is not null && TimeZoneIds.IsKnown(viewerZone)
            ? new PageReader(TimeZoneIds.Resolve(viewerZone), "your Slack time zone", names)
            : new PageReader(TimeZoneIds.IsKnown(fallbackZone) ? TimeZoneIds.Resolve(fallbackZone) : DateTimeZone.Utc, fallbackOwner, names);
    }
}
