namespace AsyncLead.Web;

/// <summary>
/// Places in Slack a page or message can link to without calling Slack (no chat.getPermalink): Slack opens them in
/// the reader's own client.
/// </summary>
public static class SlackAddresses
{
    /// <summary>A message or thread root, by its channel and ts: Slack redirects archive links to the message.</summary>
    public static string Message(string channelId, string ts) =>
        $"https://slack.com/archives/{Uri.EscapeDataString(channelId)}/p{ts.Replace(".", "", StringComparison.Ordinal)}";

    /// <summary>A channel, through app_redirect.</summary>
    public static string Channel(string workspaceId, string channelId) =>
        $"https://slack.com/app_redirect?channel={Uri.EscapeDataString(channelId)}&team={Uri.EscapeDataString(workspaceId)}";
}
