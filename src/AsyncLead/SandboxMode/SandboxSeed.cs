using System.Net;
using AsyncLead.Features.Install;
using AsyncLead.Sandbox;
using AsyncLead.Sandbox.Simulation;
using AsyncLead.Sandbox.Slack;
using AsyncLead.Storage;
using Microsoft.AspNetCore.WebUtilities;

namespace AsyncLead.SandboxMode;

/// <summary>
/// Empties the sandbox's database and workspace and builds them again the way a real team gets there: Slack gets
/// the seeded workspace, the lead installs AsyncLead through the OAuth pages, then runs <c>/weekly-update setup</c>
/// in the team channel and saves it. So the database and FakeSlack always agree.
/// </summary>
internal sealed class SandboxSeed(SandboxAddress address, FakeSlack slack, SlackSimulator simulator, SandboxClock clock, DatabaseWipe wipe, SandboxJobs jobs)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await wipe.WipeAsync(cancellationToken);
        clock.Reset();
        slack.Reset();
        SandboxWorkspace.SeedInto(slack, address.BotToken);
        await InstallAsync(cancellationToken);

        var lead = simulator.User(SandboxWorkspace.LeadUserId, SandboxWorkspace.TeamChannelId);
        await OpenSetupAsync(lead);
        Expect(await lead.SubmitsViewAsync(), "saving the weekly setup");
        await jobs.RunDueAsync(cancellationToken);
    }

    /// <summary>
    /// Slack gives an app 3 s from a command to open its modal. The seed's command is the process's first, and a cold
    /// start on a busy machine can miss that (views.open answers expired_trigger_id); then the lead runs it again, as a
    /// person would.
    /// </summary>
    private async Task OpenSetupAsync(SlackUser lead)
    {
        for (var attempt = 1; ; attempt++)
        {
            var earlier = new HashSet<SlackCall>(slack.Calls("views.open"), ReferenceEqualityComparer.Instance);
            Expect(await lead.RunsCommandAsync("/weekly-update", "setup"), "/weekly-update setup");
            var opened = await slack.WaitForCallAsync("views.open", call => !earlier.Contains(call));
            if (opened.Ok)
            {
                return;
            }

            if (attempt == 3)
            {
                throw new InvalidOperationException($"The sandbox stopped at /weekly-update setup: views.open answered {opened.Error} {attempt} times.");
            }
        }
    }

    /// <summary>The lead's browser: the install link, Slack's consent (a code FakeSlack issues), back to the callback.</summary>
    private async Task InstallAsync(CancellationToken cancellationToken)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = address.Root };
        using var start = await browser.GetAsync(new Uri(InstallEndpoints.InstallPath, UriKind.Relative), cancellationToken);
        if (start.StatusCode != HttpStatusCode.Redirect || start.Headers.Location is not { } authorize
            || !start.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            throw new InvalidOperationException($"The sandbox's install link answered {(int)start.StatusCode} instead of sending the lead to Slack.");
        }

        var query = QueryHelpers.ParseQuery(authorize.Query);
        var code = slack.IssueOAuthCode(SandboxWorkspace.TeamId, SandboxWorkspace.LeadUserId, query["redirect_uri"]);
        using var callback = new HttpRequestMessage(HttpMethod.Get,
            $"{InstallEndpoints.CallbackPath}?code={Uri.EscapeDataString(code)}&state={Uri.EscapeDataString(query["state"].ToString())}");
        var cookie = cookies.First();
        callback.Headers.Add("Cookie", cookie[..cookie.IndexOf(';', StringComparison.Ordinal)]);
        using var done = await browser.SendAsync(callback, cancellationToken);
        if (done.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"The sandbox's install callback answered {(int)done.StatusCode}: {await done.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    /// <summary>A step people take in the sandbox went as in Slack: answered 2xx, no modal errors.</summary>
    internal static void Expect(SlackResponse response, string what)
    {
        if (!response.IsSuccess || response.Json?["response_action"]?.GetValue<string>() == "errors")
        {
            throw new InvalidOperationException($"The sandbox stopped at {what}: the bot answered {response}");
        }
    }
}
