using System.Globalization;
using System.Text;
using AsyncLead.Sandbox;
using AsyncLead.Sandbox.Slack;
using AsyncLead.Web;

namespace AsyncLead.SandboxMode;

/// <summary><c>GET /sandbox/</c> until the sandbox page lands: the seeded workspace and what is in it, read from FakeSlack.</summary>
internal static class SandboxPlaceholderPage
{
    public static void Map(IEndpointRouteBuilder page) =>
        page.MapGet("/", (FakeSlack slack, SandboxClock clock) => PageLayout.Page("Sandbox", Render(slack, clock.GetUtcNow())));

    private static string Render(FakeSlack slack, DateTimeOffset now)
    {
        var html = new StringBuilder();
        var workspace = slack.Workspace(SandboxWorkspace.TeamId);
        html.Append(CultureInfo.InvariantCulture, $"<h1>{PageLayout.Encode(workspace.Name)}: the AsyncLead sandbox</h1>");
        html.Append("<p>A local Slack-like workspace served by this bot; nothing here reaches Slack.</p><table>");
        foreach (var person in SandboxWorkspace.People)
        {
            var local = person.LocalTime(now).ToString("ddd HH:mm", CultureInfo.InvariantCulture);
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{PageLayout.Encode(person.RealName)}{(person.IsLead ? " (lead)" : "")}</td><td>{PageLayout.Encode(person.TimeZone)}</td><td>{local}</td><td>{slack.Messages(person.Id).Count} DM(s) from AsyncLead</td></tr>");
        }

        html.Append("</table>");
        html.Append(CultureInfo.InvariantCulture,
            $"<p>#{SandboxWorkspace.TeamChannelName}: {slack.Messages(SandboxWorkspace.TeamChannelId).Count} message(s). #{SandboxWorkspace.PrivateChannelName}: {slack.Messages(SandboxWorkspace.PrivateChannelId).Count}.</p>");
        return html.ToString();
    }
}
