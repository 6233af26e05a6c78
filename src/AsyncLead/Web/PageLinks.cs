using System.Globalization;

namespace AsyncLead.Web;

/// <summary>
/// The pages AsyncLead serves, and the signed links Slack messages and views hand out for them. Without
/// <c>AsyncLead__PublicUrl</c> there are none to hand out: each link is null and the message says <see cref="PagesOff"/>.
/// </summary>
public sealed class PageLinks(SignedLinks links)
{
    /// <summary>What a message says where it would link a page, when pages are off.</summary>
    public const string PagesOff = "📄 Web pages are off here: set `AsyncLead__PublicUrl` to AsyncLead's public address to link them.";

    /// <summary>A team's week: key "{channel id}/{Monday yyyy-MM-dd}".</summary>
    public const string TeamWeekKind = "team-week";

    /// <summary>A decision doc or, once decided, its record: key = the doc's id.</summary>
    public const string DecisionKind = "decision";

    /// <summary>A workspace's decision log: key = "" (the workspace is the target's own).</summary>
    public const string DecisionLogKind = "decision-log";

    /// <summary>A person's past updates across the teams the viewer may see: key = their Slack user id.</summary>
    public const string PersonKind = "person";

    /// <summary>A search over one team's updates (the words travel in the query): key = the team's channel id.</summary>
    public const string TeamSearchKind = "team-search";

    public Uri? TeamWeek(string workspaceId, string channelId, DateOnly monday, string? viewerId) =>
        !links.HandsOutLinks ? null : links.Create(new LinkTarget(TeamWeekKind, workspaceId, TeamWeekKey(channelId, monday), viewerId));

    public Uri? Decision(string workspaceId, long docId, string? viewerId) =>
        !links.HandsOutLinks ? null : links.Create(new LinkTarget(DecisionKind, workspaceId, docId.ToString(CultureInfo.InvariantCulture), viewerId));

    public Uri? DecisionLog(string workspaceId, string? viewerId) =>
        !links.HandsOutLinks ? null : links.Create(new LinkTarget(DecisionLogKind, workspaceId, "", viewerId));

    /// <summary>Another week of the team an opened team-week link shows, valid as long as that link.</summary>
    public Uri TeamWeekFrom(LinkTarget opened, string channelId, DateOnly monday) =>
        links.Derive(opened, new LinkTarget(TeamWeekKind, opened.WorkspaceId, TeamWeekKey(channelId, monday), opened.ViewerId));

    public Uri? Person(string workspaceId, string userId, string? viewerId) =>
        !links.HandsOutLinks ? null : links.Create(new LinkTarget(PersonKind, workspaceId, userId, viewerId));

    /// <summary>A person named on an opened page, valid as long as that link; their page shows only what its viewer may see.</summary>
    public Uri PersonFrom(LinkTarget opened, string userId) =>
        links.Derive(opened, new LinkTarget(PersonKind, opened.WorkspaceId, userId, opened.ViewerId));

    /// <summary>The search of the team an opened page shows, valid as long as that link.</summary>
    public Uri TeamSearchFrom(LinkTarget opened, string channelId) =>
        links.Derive(opened, new LinkTarget(TeamSearchKind, opened.WorkspaceId, channelId, opened.ViewerId));

    /// <summary>A doc listed on an opened decision log, valid as long as that link and able to lead back to the log.</summary>
    public Uri DecisionFrom(LinkTarget opened, long docId) =>
        links.Derive(opened, new LinkTarget(DecisionKind, opened.WorkspaceId, docId.ToString(CultureInfo.InvariantCulture), opened.ViewerId));

    /// <summary>The decision log, only from a page opened within the log's scope; null from a single doc's link.</summary>
    public Uri? DecisionLogFrom(LinkTarget opened) =>
        opened.EffectiveScope == DecisionLogKind ? links.Derive(opened, new LinkTarget(DecisionLogKind, opened.WorkspaceId, "", opened.ViewerId)) : null;

    public static string TeamWeekKey(string channelId, DateOnly monday) =>
        string.Create(CultureInfo.InvariantCulture, $"{channelId}/{monday:yyyy-MM-dd}");

    /// <summary>Reads a team-week key back; false for anything that isn't one.</summary>
    public static bool TryParseTeamWeekKey(string key, out string channelId, out DateOnly monday)
    {
        channelId = "";
        monday = default;
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || !DateOnly.TryParseExact(key[(slash + 1)..], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out monday))
        {
            return false;
        }

        channelId = key[..slash];
        return true;
    }

    public static bool TryParseDecisionKey(string key, out long docId) =>
        long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out docId) && docId > 0;
}
