using System.Net;
using AsyncLead.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace AsyncLead.Tests.Install;

/// <summary>A person's browser going through the install: it keeps cookies by hand and never follows redirects.</summary>
internal sealed class InstallBrowser(SlackScenario scenario) : IDisposable
{
    public const string RedirectUri = "https://asynclead.test/slack/oauth/callback";

    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = scenario.Host.BaseAddress };

    public string? StateCookie { get; private set; }

    /// <summary>GET /slack/install: returns the query of the Slack authorize URL it redirects to.</summary>
    public async Task<Dictionary<string, string>> StartsInstallAsync()
    {
        using var response = await _http.GetAsync("/slack/install");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/slack/oauth/callback", cookie, StringComparison.OrdinalIgnoreCase);
        StateCookie = cookie[..cookie.IndexOf(';')];
        var location = response.Headers.Location!;
        Assert.Equal("https://slack.com/oauth/v2/authorize", location.GetLeftPart(UriPartial.Path));
        return QueryHelpers.ParseQuery(location.Query).ToDictionary(pair => pair.Key, pair => pair.Value.ToString());
    }

    public async Task<(HttpStatusCode Status, string Html)> ReturnsFromSlackAsync(string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/slack/oauth/callback?{query}");
        if (StateCookie is not null)
        {
            request.Headers.Add("Cookie", StateCookie);
        }

        using var response = await _http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The whole happy path: start, approve on Slack (a code for <paramref name="teamId"/>), come back.</summary>
    public async Task<(HttpStatusCode Status, string Html)> InstallsAsync(string teamId, string userId, string? enterpriseId = null)
    {
        var authorize = await StartsInstallAsync();
        var code = scenario.Slack.IssueOAuthCode(teamId, userId, RedirectUri, enterpriseId);
        return await ReturnsFromSlackAsync($"code={Uri.EscapeDataString(code)}&state={Uri.EscapeDataString(authorize["state"])}");
    }

    public void Dispose() => _http.Dispose();
}
