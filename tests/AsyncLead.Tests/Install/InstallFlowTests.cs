using System.Net;
using AsyncLead.Features.Install;
using AsyncLead.Features.Members;
using AsyncLead.Sandbox.Slack;
using AsyncLead.Slack.WebApi;
using AsyncLead.Tests.Infrastructure;
using Dapper;

namespace AsyncLead.Tests.Install;

public sealed class InstallFlowTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private const string GlobexTeam = "T_GLOBEX";
    private const string GlobexToken = "xoxb-globex-secret-token-4242";

    private static async Task<SlackScenario> StartMultiWorkspaceAsync(TestDatabase database)
    {
        var scenario = await SlackScenario.StartAsync(database, services: s => s.Configure<SlackWebApiOptions>(o => o.RetryBaseDelay = TimeSpan.FromMilliseconds(10)), settings: new Dictionary<string, string?>
        {
            // No single-workspace token: every token must come from an install.
            ["Slack:BotToken"] = null,
            // FakeSlack's app credentials (FakeSlack.ClientId / ClientSecret).
            ["Slack:ClientId"] = "1111111111.2222222222",
            ["Slack:ClientSecret"] = "harness-client-secret",
        });
        return scenario;
    }

    [Fact]
    public async Task A_lead_installs_from_the_install_link_and_is_told_what_to_do_next()
    {
        await using var s = await StartMultiWorkspaceAsync(database);
        using var browser = new InstallBrowser(s);

        var authorize = await browser.StartsInstallAsync();
        Assert.Equal(s.Slack.ClientId, authorize["client_id"]);
        Assert.Equal(string.Join(',', SlackScopes.Bot.Concat(SlackScopes.BotOptional)), authorize["scope"]);
        Assert.Equal(InstallBrowser.RedirectUri, authorize["redirect_uri"]);
        Assert.True(authorize["state"].Length >= 40);
        Assert.Equal($"asynclead_oauth_state={authorize["state"]}", browser.StateCookie);

        var code = s.Slack.IssueOAuthCode(SlackScenario.TeamId, "U_LEAD", InstallBrowser.RedirectUri);
        var (status, html) = await browser.ReturnsFromSlackAsync($"code={Uri.EscapeDataString(code)}&state={authorize["state"]}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("AsyncLead is installed in Acme", html);
        Assert.Contains("/invite @AsyncLead", html);
        Assert.Contains("/weekly-update setup", html);
        var exchange = Assert.Single(s.Slack.Calls("oauth.v2.access"));
        Assert.True(exchange.Ok);
        var installation = await s.Host.Services.GetRequiredService<InstallationStore>().FindAsync(SlackScenario.TeamId, CancellationToken.None);
        Assert.NotNull(installation);
        Assert.Equal("U_LEAD", installation.InstalledBy);
        Assert.False(installation.IsEnterpriseInstall);
    }

    [Fact]
    public async Task Each_install_counts_the_optional_scopes_its_installer_granted_and_no_others()
    {
        await using var s = await StartMultiWorkspaceAsync(database);
        using var browser = new InstallBrowser(s);
        // Globex's installer kept the optional dnd:read; Acme's declined it.
        s.Slack.AddWorkspace(GlobexTeam, GlobexToken, name: "Globex", scopes: [.. FakeSlack.DefaultScopes, "dnd:read"]);
        Assert.Equal(HttpStatusCode.OK, (await browser.InstallsAsync(GlobexTeam, "U_HANK")).Status);
        Assert.Equal(HttpStatusCode.OK, (await browser.InstallsAsync(SlackScenario.TeamId, "U_LEAD")).Status);

        var granted = s.Host.Services.GetRequiredService<IGrantedScopes>();
        Assert.True(await granted.HasAsync(GlobexTeam, "dnd:read", CancellationToken.None));
        Assert.False(await granted.HasAsync(SlackScenario.TeamId, "dnd:read", CancellationToken.None));
        Assert.True(await granted.HasAsync(SlackScenario.TeamId, "chat:write", CancellationToken.None));
        // A workspace without an install (and no Slack__BotToken) has no scopes at all.
        Assert.False(await granted.HasAsync("T_NOBODY", "chat:write", CancellationToken.None));
    }

    [Fact]
    public async Task The_bot_token_is_stored_encrypted_and_never_in_plain_text()
    {
        await using var s = await StartMultiWorkspaceAsync(database);
        using var browser = new InstallBrowser(s);
        s.Slack.AddWorkspace(GlobexTeam, GlobexToken, name: "Globex");

        Assert.Equal(HttpStatusCode.OK, (await browser.InstallsAsync(GlobexTeam, "U_HANK")).Status);

        await using var connection = database.DataSource.CreateConnection();
        var everyTextInTheDatabase = string.Join('\n', await connection.QueryAsync<string>(
            "SELECT row_to_json(i)::text FROM installations i UNION ALL SELECT row_to_json(k)::text FROM data_protection_keys k"));
        Assert.Contains(GlobexTeam, everyTextInTheDatabase);
        Assert.DoesNotContain(GlobexToken, everyTextInTheDatabase);
        Assert.DoesNotContain("globex-secret", everyTextInTheDatabase);
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM data_protection_keys"));
        Assert.Equal(GlobexToken, await s.Host.Services.GetRequiredService<InstallationStore>().FindBotTokenAsync(GlobexTeam, CancellationToken.None));
    }

    [Fact]
    public async Task Each_workspace_is_called_with_its_own_token_and_a_second_replica_reads_tokens_the_first_stored()
    {
        await using var s = await StartMultiWorkspaceAsync(database);
        using var browser = new InstallBrowser(s);
        s.Slack.AddWorkspace(GlobexTeam, GlobexToken, name: "Globex")
            .AddChannel("C_ACME", "acme-team", teamId: SlackScenario.TeamId)
            .AddChannel("C_GLOBEX", "globex-team", teamId: GlobexTeam);
        await browser.InstallsAsync(SlackScenario.TeamId, "U_LEAD");
        await browser.InstallsAsync(GlobexTeam, "U_HANK");
        await using var replica = await AppHost.StartAsync(database.ConnectionString, new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = SlackScenario.SigningSecret,
            ["Slack:ApiBaseUrl"] = s.Slack.ApiBaseUrl,
            ["Jobs:Enabled"] = "false",
        }, s.Clock);

        await s.Host.Services.GetRequiredService<ISlackClient>().ForWorkspace(SlackScenario.TeamId).Chat.PostMessageAsync(new PostMessageRequest("C_ACME", "hello acme"));
        await replica.Services.GetRequiredService<ISlackClient>().ForWorkspace(GlobexTeam).Chat.PostMessageAsync(new PostMessageRequest("C_GLOBEX", "hello globex"));

        var posts = s.Slack.Calls("chat.postMessage");
        Assert.Collection(posts,
            acme => Assert.Equal((SlackScenario.BotToken, SlackScenario.TeamId, true), (acme.Token, acme.TeamId, acme.Ok)),
            globex => Assert.Equal((GlobexToken, GlobexTeam, true), (globex.Token, globex.TeamId, globex.Ok)));
        Assert.Single(s.Slack.Messages("C_GLOBEX"));
    }

    [Fact]
    public async Task A_callback_whose_state_does_not_match_the_browser_cookie_is_refused_without_exchanging_the_code()
    {
        await using var s = await StartMultiWorkspaceAsync(database);
        using var browser = new InstallBrowser(s);
        await browser.StartsInstallAsync();
        var code = s.Slack.IssueOAuthCode(SlackScenario.TeamId, "U_MALLORY", InstallBrowser.RedirectUri);

        var (status, html) = await browser.ReturnsFromSlackAsync($"code={code}&state=forged-state-from-another-browser");
        using var cookieless = new InstallBrowser(s);
        var (noCookieStatus, _) = await cookieless.ReturnsFromSlackAsync($"code={code}&state=anything");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(HttpStatusCode.BadRequest, noCookieStatus);
        Assert.Contains("expired or was opened in a different browser", html);
        Assert.Contains("href=\"/slack/install\"", html);
        Assert.Empty(s.Slack.Calls("oauth.v2.access"));
        await using var connection = database.DataSource.CreateConnection();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM installations WHERE installed_by = 'U_MALLORY'"));
    }

    [Fact]
    public async Task Cancelling_on_slacks_page_shows_a_clear_page_not_an_error()
    {
        await using var s = await StartMultiWorkspaceAsync(database);
        using var browser = new InstallBrowser(s);
        var authorize = await browser.StartsInstallAsync();

        var (status, html) = await browser.ReturnsFromSlackAsync($"error=access_denied&state={authorize["state"]}");
        var (weird, weirdHtml) = await browser.ReturnsFromSlackAsync("error=%3Cscript%3Ealert(1)%3C%2Fscript%3E");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("the install was cancelled", html);
        Assert.Equal(HttpStatusCode.Forbidden, weird);
        Assert.DoesNotContain("<script>", weirdHtml);
        Assert.Empty(s.Slack.Calls("oauth.v2.access"));
    }

    [Fact]
    public async Task A_code_slack_rejects_is_a_clear_page_not_a_server_error()
    {
        await using var s = await StartMultiWorkspaceAsync(database);
        using var browser = new InstallBrowser(s);
        var authorize = await browser.StartsInstallAsync();

        var (status, html) = await browser.ReturnsFromSlackAsync($"code=never-issued&state={authorize["state"]}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("invalid_code", html);
    }

    [Fact]
    public async Task Slack_failing_during_the_exchange_is_a_page_asking_to_try_again_not_a_server_error()
    {
        await using var s = await StartMultiWorkspaceAsync(database);
        using var browser = new InstallBrowser(s);
        s.Slack.Faults.ServerError("oauth.v2.access", times: 10, statusCode: 503);

        var (status, html) = await browser.InstallsAsync(SlackScenario.TeamId, "U_LEAD");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Slack could not be reached", html);
        Assert.True(s.Slack.Calls("oauth.v2.access").Count > 1, "the exchange is retried before giving up");
    }

    [Fact]
    public async Task An_org_wide_enterprise_install_without_a_team_is_stored_under_the_enterprise()
    {
        await using var s = await StartMultiWorkspaceAsync(database);
        using var browser = new InstallBrowser(s);

        s.Slack.AddWorkspace("T_INITECH_HQ", "xoxb-initech-token", name: "Initech HQ");

        var (status, html) = await browser.InstallsAsync("T_INITECH_HQ", "U_ORG_ADMIN", enterpriseId: "E_INITECH");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("organisation-wide install", html);
        var store = s.Host.Services.GetRequiredService<InstallationStore>();
        var installation = await store.FindAsync("E_INITECH", CancellationToken.None);
        Assert.NotNull(installation);
        Assert.True(installation.IsEnterpriseInstall);
        Assert.Equal("E_INITECH", installation.EnterpriseId);
        Assert.Null(await store.FindAsync("T_INITECH_HQ", CancellationToken.None));
        Assert.Equal("xoxb-initech-token", await store.FindBotTokenAsync("E_INITECH", CancellationToken.None));
    }

    [Fact]
    public async Task After_an_org_wide_install_a_workspace_of_the_organisation_works_with_the_organisations_token_in_requests_and_jobs()
    {
        await using var s = await StartMultiWorkspaceAsync(database);
        using var browser = new InstallBrowser(s);
        s.Slack.AddWorkspace("T_INITECH_HQ", "xoxb-initech-token", name: "Initech HQ", orgWideEnterpriseId: "E_INITECH")
            .AddUser("U_PETER", "peter", tz: "America/Chicago", teamId: "T_INITECH_HQ")
            .AddChannel("C_TPS", "tps-reports", members: ["U_PETER"], teamId: "T_INITECH_HQ");
        await browser.InstallsAsync("T_INITECH_HQ", "U_ORG_ADMIN", enterpriseId: "E_INITECH");
        var peter = s.User("U_PETER", "C_TPS");

        var opened = await peter.RunsCommandAsync("/weekly-update", "setup");
        Assert.True(opened.IsSuccess, opened.ToString());
        var saved = await peter.SubmitsViewAsync();
        Assert.True(saved.IsSuccess, saved.ToString());
        await s.AdvanceAsync(TimeSpan.FromDays(7));

        var viewsOpen = Assert.Single(s.Slack.Calls("views.open"));
        Assert.Equal("xoxb-initech-token", viewsOpen.Token);
        // The prompt is a job: it finds the organisation's token by the workspace alone.
        var prompt = Assert.Single(s.Slack.Messages("C_TPS"));
        Assert.Contains("update", prompt.Text, StringComparison.OrdinalIgnoreCase);
        Assert.All(s.Slack.Calls("chat.postMessage"), call => Assert.Equal("xoxb-initech-token", call.Token));
    }

    [Fact]
    public async Task Without_client_credentials_the_install_link_explains_how_to_enable_it()
    {
        await using var s = await SlackScenario.StartAsync(database);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = s.Host.BaseAddress };

        using var response = await browser.GetAsync("/slack/install");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Slack__ClientId", await response.Content.ReadAsStringAsync());
    }
}
