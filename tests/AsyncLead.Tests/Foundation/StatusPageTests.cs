using System.Net;
using AsyncLead.Tests.Infrastructure;

namespace AsyncLead.Tests.Foundation;

public sealed class StatusPageTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Without_slack_credentials_the_status_page_says_what_is_missing_and_how_to_create_the_app()
    {
        await using var host = await AppHost.StartAsync(database.ConnectionString);

        var response = await host.Http.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Contains("not fully set up yet", html);
        Assert.Contains("missing: requests from Slack are refused (503)", html);
        Assert.Contains("Slack__SigningSecret", html);
        Assert.Contains("deploy/slack-app-manifest.yml", html);
        Assert.Contains($"{host.BaseAddress.ToString().TrimEnd('/')}/slack/commands", html);
        Assert.Contains("ready, schema version", html);
    }

    [Fact]
    public async Task With_credentials_it_says_they_are_set_and_never_shows_them()
    {
        const string secret = "8f742231b10e8888abcd99yyyzzz85a5";
        const string token = "xoxb-1111-2222-statuspagetoken";
        await using var host = await AppHost.StartAsync(database.ConnectionString, new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = secret,
            ["Slack:BotToken"] = token,
            ["AsyncLead:PublicUrl"] = "https://lead.example.com",
        });

        var html = await host.Http.GetStringAsync("/");

        Assert.Contains("Running and connected", html);
        Assert.Contains("https://lead.example.com/slack/events", html);
        Assert.DoesNotContain(secret, html);
        Assert.DoesNotContain(token, html);
        Assert.DoesNotContain(secret, host.Logs.All);
        Assert.DoesNotContain(token, host.Logs.All);
    }
}
