using System.Text;
using AsyncLead.Sandbox;
using AsyncLead.Slack;
using AsyncLead.Storage;
using Microsoft.Extensions.Options;

namespace AsyncLead.Web;

/// <summary>
/// <c>GET /</c>: what a newcomer needs after the first start — is the database ready, which Slack settings are
/// present or missing, and how to create the Slack app. It says whether a secret is set, never what it is.
/// </summary>
public static class StatusPage
{
    public static IEndpointRouteBuilder MapStatusPage(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", async (HttpRequest request, DatabaseReadiness readiness, IOptions<SlackOptions> slack,
            IOptions<AsyncLeadOptions> app, CancellationToken cancellationToken) =>
        {
            var database = await readiness.CheckAsync(TimeSpan.FromSeconds(2), cancellationToken);
            var baseUrl = (app.Value.PublicUrl ?? $"{request.Scheme}://{request.Host}").TrimEnd('/');
            var sandbox = request.HttpContext.RequestServices.GetService<ISandboxControls>() is not null;
            return PageLayout.Page("Status", Render(database, slack.Value, app.Value, baseUrl, sandbox));
        });
        return endpoints;
    }

    private static string Render(ReadinessState database, SlackOptions slack, AsyncLeadOptions app, string baseUrl, bool sandbox)
    {
        var html = new StringBuilder();
        var ready = database.IsReady && slack.CanReceive;
        html.Append("<h1>AsyncLead</h1>");
        if (sandbox)
        {
            html.Append("<p class=\"ok\">Sandbox mode (no Slack settings): <a href=\"/sandbox/\">open the sandbox workspace</a> and type ")
                .Append("<code>/weekly-update</code> or <code>/decision</code> in its composer to try AsyncLead without Slack. ")
                .Append("To serve a real workspace, create the Slack app as below, set its settings and restart.</p>");
        }
        else
        {
            html.Append(ready
                ? "<p class=\"ok\">Running and connected. Use <code>/weekly-update</code> and <code>/decision</code> in Slack.</p>"
                : "<p>Running, but not fully set up yet. What's missing is marked below.</p>");
        }

        html.Append("<h2>Database</h2><table>");
        Row(html, "PostgreSQL", database.IsReady, database.IsReady ? $"ready, schema version {database.AppliedVersion}" : database.Problem ?? "not ready", "ConnectionStrings__Postgres");
        html.Append("</table>");

        html.Append("<h2>Slack</h2><table>");
        if (sandbox)
        {
            // Its signing secret, OAuth client and public URL are made up at start: listing them as "set" would mislead.
            Row(html, "Workspace", true, "the sandbox workspace stands in for Slack, with settings made up at start", "AsyncLead__Sandbox");
            html.Append("</table>");
        }
        else
        {
            SlackRows(html, slack, app);
        }

        html.Append("<h2>Create the Slack app</h2><ol>");
        html.Append("<li>Go to <a href=\"https://api.slack.com/apps?new_app=1\">api.slack.com/apps</a> → <em>Create New App</em> → <em>From a manifest</em>.</li>");
        html.Append("<li>Paste <code>deploy/slack-app-manifest.yml</code> from this repository, with <code>https://your-host</code> replaced by your public address");
        html.Append($" (these are the request URLs Slack needs: <code>{PageLayout.Encode(baseUrl)}/slack/commands</code>, <code>{PageLayout.Encode(baseUrl)}/slack/interactions</code>, <code>{PageLayout.Encode(baseUrl)}/slack/events</code>). ");
        html.Append("No public address? Use <code>deploy/slack-app-manifest.socket.yml</code> and Socket Mode instead.</li>");
        html.Append("<li>Install the app to your workspace, then set <code>Slack__SigningSecret</code> (Basic Information) and <code>Slack__BotToken</code> (OAuth &amp; Permissions) and restart.</li>");
        html.Append("<li>In a team channel: <code>/invite @AsyncLead</code>, then <code>/weekly-update setup</code>.</li></ol>");
        return html.ToString();
    }

    private static void SlackRows(StringBuilder html, SlackOptions slack, AsyncLeadOptions app)
    {
        Row(html, "Signing secret", Has(slack.SigningSecret), Has(slack.SigningSecret) ? "set" : "missing: requests from Slack are refused (503)", "Slack__SigningSecret");
        Row(html, "Bot token", Has(slack.BotToken), Has(slack.BotToken) ? "set (single workspace)" : "not set", "Slack__BotToken");
        Row(html, "App token (Socket Mode)", Has(slack.AppToken), Has(slack.AppToken) ? "set: events arrive over Socket Mode" : "not set: events arrive over HTTP", "Slack__AppToken", optional: true);
        Row(html, "OAuth client (multi-workspace installs)", Has(slack.ClientId), Has(slack.ClientId) ? "set" : "not set", "Slack__ClientId, Slack__ClientSecret", optional: true);
        Row(html, "Public URL", Has(app.PublicUrl), Has(app.PublicUrl) ? app.PublicUrl! : "not set: web pages are off, and Slack messages say so instead of linking them", "AsyncLead__PublicUrl", optional: true);
        html.Append("</table>");
    }

    private static bool Has(string? value) => !string.IsNullOrWhiteSpace(value);

    private static void Row(StringBuilder html, string what, bool ok, string state, string setting, bool optional = false)
    {
        var mark = ok ? "<span class=\"ok\">✓</span>" : optional ? "<span class=\"muted\">–</span>" : "<span class=\"bad\">✗</span>";
        html.Append($"<tr><td>{mark} {PageLayout.Encode(what)}</td><td>{PageLayout.Encode(state)}</td><td class=\"muted\"><code>{PageLayout.Encode(setting)}</code></td></tr>");
    }
}
