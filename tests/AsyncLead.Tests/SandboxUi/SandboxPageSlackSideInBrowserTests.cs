using System.Text.Json.Nodes;
using AsyncLead.Sandbox;
using AsyncLead.Tests.Reliability;
using AsyncLead.Tests.Web;
using OpenQA.Selenium;

namespace AsyncLead.Tests.SandboxUi;

/// <summary>
/// What the page shows of Slack's own side when an app does what AsyncLead never should (break a Block Kit limit) or
/// does not do today (views.update and views.push on an open modal): headless Chromium on the host in this process, whose bot token the
/// test uses to call the sandbox's Web API as an app would. A host and a browser: it takes its turn with the other hosts.
/// </summary>
[Collection(HostProcessCollection.Name)]
public sealed class SandboxPageSlackSideInBrowserTests(SandboxPageWorld world, Chromium chromium)
    : IClassFixture<SandboxPageWorld>, IClassFixture<Chromium>
{
    // Each test acts as someone else: they share one host, and a modal left open stays open for its person.
    private const string Sofia = "U0SOFIA";
    private const string Kenji = "U0KENJI";
    private const string Liam = "U0LIAM";

    private SandboxPage Page => new(chromium, world.PageAddress, () => "");

    [Fact]
    public async Task A_message_Slack_refuses_for_a_Block_Kit_limit_shows_as_an_error_banner_until_dismissed()
    {
        Page.Open(Liam);
        var answer = await CallAsync("chat.postMessage", new JsonObject
        {
            ["channel"] = SandboxWorkspace.TeamChannelId,
            ["text"] = "too long",
            ["blocks"] = new JsonArray(Enumerable.Range(0, 51).Select(_ => (JsonNode?)new JsonObject { ["type"] = "divider" }).ToArray()),
        });
        Assert.Equal("invalid_blocks", answer["error"]?.GetValue<string>());

        Page.Until(() => Page.Browser.FindElements(By.CssSelector("#banners .banner.limit")).FirstOrDefault() is { } banner
            && banner.GetAttribute("role") == "alert"
            && banner.Text.StartsWith("Slack refused a chat.postMessage call: invalid_blocks", StringComparison.Ordinal)
            && banner.FindElements(By.TagName("li")).Any(line => line.Text.StartsWith("[ERROR]", StringComparison.Ordinal) && line.Text.Contains("no more than 50 items allowed", StringComparison.Ordinal)));
        Page.SaveScreenshot("sandbox-limit-banner");

        Page.Click(() => Page.Browser.FindElement(By.CssSelector("#banners .banner.limit button")));
        Page.Until(() => Page.Browser.FindElements(By.CssSelector("#banners .banner.limit")).Count == 0);
        Assert.DoesNotContain(Page.Messages(), m => m.Text.Contains("too long", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_modal_the_app_updates_is_drawn_again_and_keeps_what_the_person_typed()
    {
        Page.Open(Sofia);
        Page.Type("/decision");
        var modal = Page.Modal("decision_doc");
        SandboxPage.Fill(modal, "Title", "Adopt trunk-based development");
        var view = world.Slack.OpenModalFor(Sofia)!;

        var updated = new JsonObject();
        foreach (var field in new[] { "type", "callback_id", "private_metadata", "submit", "close", "blocks" })
        {
            updated[field] = view.Json[field]?.DeepClone();
        }

        updated["title"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Decision (updated)" };
        var answer = await CallAsync("views.update", new JsonObject { ["view_id"] = view.Id, ["hash"] = view.Hash, ["view"] = updated });
        Assert.True(answer["ok"]?.GetValue<bool>(), answer.ToJsonString());

        modal = Page.Until(() => Page.Browser.FindElements(By.CssSelector("#modal-layer .modal")).FirstOrDefault(m => m.Text.Contains("Decision (updated)", StringComparison.Ordinal)))!;
        Assert.Equal("Adopt trunk-based development", SandboxPage.Field(modal, "Title").FindElement(By.TagName("input")).GetAttribute("value"));
    }

    [Fact]
    public async Task A_view_the_app_pushes_covers_the_modal_and_Back_returns_to_it_with_what_was_typed()
    {
        Page.Open(Kenji);
        Page.Type("/decision");
        SandboxPage.Fill(Page.Modal("decision_doc"), "Title", "Adopt trunk-based development");

        var answer = await CallAsync("views.push", new JsonObject
        {
            ["trigger_id"] = world.Slack.IssueTriggerId(Kenji),
            ["view"] = new JsonObject
            {
                ["type"] = "modal",
                ["callback_id"] = "more_detail",
                ["title"] = new JsonObject { ["type"] = "plain_text", ["text"] = "More detail" },
                ["blocks"] = new JsonArray(new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = "Pushed *on top*" } }),
            },
        });
        Assert.True(answer["ok"]?.GetValue<bool>(), answer.ToJsonString());

        Page.Until(() => Page.Modal("more_detail").FindElement(By.CssSelector(".mrkdwn b")).Text == "on top");
        Page.Click(() => Page.Modal("more_detail").FindElement(By.CssSelector("button.back")));
        Page.Until(() => Page.Modal("decision_doc") is var doc && doc.FindElements(By.CssSelector("button.back")).Count == 0
            && SandboxPage.Field(doc, "Title").FindElement(By.TagName("input")).GetAttribute("value") == "Adopt trunk-based development");
    }

    private async Task<JsonObject> CallAsync(string method, JsonObject arguments)
    {
        using var api = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(world.Slack.ApiBaseUrl + method))
        {
            Content = new StringContent(arguments.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", world.Slack.Workspace().BotToken);
        using var response = await api.SendAsync(request);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }
}
