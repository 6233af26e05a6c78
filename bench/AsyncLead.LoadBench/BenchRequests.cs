using AsyncLead.Sandbox.Slack;
using static System.Net.WebUtility;

namespace AsyncLead.LoadBench;

/// <summary>Slash commands as Slack sends them, with a response_url and trigger_id the FakeSlack will honour.</summary>
public static class BenchRequests
{
    public static BenchRequest Command(FakeSlack slack, string user, string command, string text, string path = "/slack/commands",
        string channel = BenchHost.ChannelId)
    {
        var body = string.Join('&',
            $"team_id={BenchHost.TeamId}", "team_domain=bench", $"channel_id={channel}", $"channel_name={channel.ToLowerInvariant()}",
            $"user_id={user}", $"user_name={user.ToLowerInvariant()}", $"command={UrlEncode(command)}", $"text={UrlEncode(text)}",
            $"response_url={UrlEncode(slack.IssueResponseUrl(user, channel).ToString())}",
            $"trigger_id={UrlEncode(slack.IssueTriggerId(user))}", "api_app_id=A_BENCH");
        return new BenchRequest(path, body, "application/x-www-form-urlencoded");
    }

    /// <summary>The trigger_id a request built by <see cref="Command"/> carries.</summary>
    public static string TriggerIdOf(BenchRequest request) =>
        UrlDecode(request.Body.Split('&').Single(p => p.StartsWith("trigger_id=", StringComparison.Ordinal))["trigger_id=".Length..]);
}
