using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using AsyncLead.Sandbox;

namespace AsyncLead.Tests.SandboxUi;

/// <summary>
/// The sandbox page's endpoints on the host in sandbox mode, as the page calls them: what it serves, what the acting person sees in ui/state,
/// and what bad input gets (Slack's own answer, or a 4xx with a sentence; never a 5xx).
/// </summary>
public sealed class SandboxPageEndpointTests(SandboxPageWorld world) : IClassFixture<SandboxPageWorld>
{
    private const string Maya = SandboxWorkspace.LeadUserId;
    private const string Priya = "U0PRIYA";
    private const string Team = SandboxWorkspace.TeamChannelId;

    [Fact]
    public async Task The_page_is_served_with_a_policy_that_runs_only_its_own_script()
    {
        using var page = await world.Http.GetAsync("");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var policy = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Contains("<script src=\"app.js\" defer></script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" style=", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\son[a-z]+=", html);

        foreach (var (file, type) in new[] { ("app.js", "text/javascript"), ("app.css", "text/css") })
        {
            using var asset = await world.Http.GetAsync(file);
            Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
            Assert.Equal(type, asset.Content.Headers.ContentType?.MediaType);
            using var again = new HttpRequestMessage(HttpMethod.Get, file);
            again.Headers.IfNoneMatch.Add(asset.Headers.ETag!);
            using var cached = await world.Http.SendAsync(again);
            Assert.Equal(HttpStatusCode.NotModified, cached.StatusCode);
        }

        using var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var bare = await noRedirect.GetAsync(new Uri(world.PageAddress.ToString().TrimEnd('/')));
        Assert.Equal(HttpStatusCode.Redirect, bare.StatusCode);
        Assert.Equal("/sandbox/", bare.Headers.Location?.ToString());
    }

    [Fact]
    public async Task The_page_and_the_status_page_link_to_each_other()
    {
        var page = await world.Http.GetStringAsync("");
        var status = await world.Http.GetStringAsync("../");

        Assert.Contains("<a id=\"status-link\" href=\"../\"", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/sandbox/\">", status, StringComparison.Ordinal);
        // It speaks of the sandbox, not of a Slack workspace it is not connected to.
        Assert.Contains("in its composer", status, StringComparison.Ordinal);
        Assert.DoesNotContain("Running and connected", status, StringComparison.Ordinal);
        Assert.Contains("stands in for Slack, with settings made up at start", status, StringComparison.Ordinal);
        Assert.DoesNotContain("Bot token", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task State_shows_the_seeded_workspace_with_each_persons_local_time()
    {
        var state = await world.StateAsync(Priya);
        var first = (await world.Http.GetFromJsonAsync<JsonObject>("ui/state"))!;
        Assert.Equal(Maya, first["actingAs"]!.GetValue<string>());

        Assert.Equal("Sandbox Co", state["workspace"]!["name"]!.GetValue<string>());
        Assert.Equal(Maya, state["lead"]!.GetValue<string>());
        var people = state["people"]!.AsArray();
        Assert.Equal(6, people.Count);
        Assert.Equal(Maya, people[0]!["id"]!.GetValue<string>());
        var priya = people.Single(p => p!["id"]!.GetValue<string>() == Priya)!;
        Assert.Equal("+05:30", priya["utcOffset"]!.GetValue<string>());
        var kolkata = TimeZoneInfo.ConvertTime(world.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata"));
        Assert.Equal(kolkata.ToString("ddd HH:mm", System.Globalization.CultureInfo.InvariantCulture), priya["localTime"]!.GetValue<string>());
        // Priya is in the private channel; Sofia is not and does not see it.
        Assert.Equal(["team-platform", "leads-private"], Names(state));
        Assert.Equal(["team-platform"], Names(await world.StateAsync("U0SOFIA")));
        Assert.Equal("leads-private", state["channels"]![SandboxWorkspace.PrivateChannelId]!.GetValue<string>());

        static IEnumerable<string> Names(JsonObject state) => state["conversations"]!.AsArray().Select(c => c!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_command_gets_Slacks_answer_only_the_person_sees_and_never_reaches_the_app()
    {
        var calls = world.Slack.Calls().Count;

        var (status, body) = await world.ActAsync("command", new { @as = Priya, channel = Team, text = "/standup yesterday I shipped" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("/standup is not a valid command.", body["error"]!.GetValue<string>(), StringComparison.Ordinal);
        var seen = (await world.StateAsync(Priya))["ephemerals"]!.AsArray();
        var answer = seen.Single(e => e!["text"]!.GetValue<string>().StartsWith("/standup is not", StringComparison.Ordinal))!;
        Assert.Equal("USLACKBOT", answer["user"]!.GetValue<string>());
        Assert.Equal(Team, answer["channel"]!.GetValue<string>());
        Assert.DoesNotContain((await world.StateAsync(Maya))["ephemerals"]!.AsArray(), e => e!["text"]!.GetValue<string>().Contains("/standup", StringComparison.Ordinal));
        Assert.Equal(calls, world.Slack.Calls().Count);
    }

    [Fact]
    public async Task A_command_the_app_answers_shows_its_answer_to_the_person_alone()
    {
        var (status, _) = await world.ActAsync("command", new { @as = "U0KENJI", channel = "dm", text = "/weekly-update help" });

        Assert.Equal(HttpStatusCode.OK, status);
        var state = await world.StateAsync("U0KENJI");
        var help = state["ephemerals"]!.AsArray().Last()!;
        Assert.Equal(SandboxWorkspace.BotUserId, help["user"]!.GetValue<string>());
        Assert.True(help["isBot"]!.GetValue<bool>());
        Assert.Contains("/weekly-update", help["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(state["dm"]!["id"]!.GetValue<string>(), help["channel"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_setup_modal_opens_refuses_an_empty_required_field_and_closes_on_cancel()
    {
        var (opened, _) = await world.ActAsync("command", new { @as = Maya, channel = Team, text = "/weekly-update setup" });
        Assert.Equal(HttpStatusCode.OK, opened);
        // The bot acks at once and opens the modal (views.open) a moment later, as the page's live updates show.
        var modal = await world.UntilStateAsync(Maya, state => state["modal"]);
        Assert.Equal(1, modal["depth"]!.GetValue<int>());
        var view = modal["view"]!;
        var viewId = view["id"]!.GetValue<string>();
        var required = view["blocks"]!.AsArray().First(b => b!["type"]!.GetValue<string>() == "input" && b["optional"]?.GetValue<bool>() != true)!;

        var (refused, answer) = await world.ActAsync("submit", new
        {
            @as = Maya,
            viewId,
            values = new Dictionary<string, string?> { [required["block_id"]!.GetValue<string>()] = null },
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Contains("is empty", answer["error"]!.GetValue<string>(), StringComparison.Ordinal);

        var (stale, _) = await world.ActAsync("close", new { @as = Maya, viewId = "V_GONE" });
        Assert.Equal(HttpStatusCode.Conflict, stale);
        var (closed, _) = await world.ActAsync("close", new { @as = Maya, viewId });
        Assert.Equal(HttpStatusCode.OK, closed);
        Assert.Null((await world.StateAsync(Maya))["modal"]);
    }

    [Fact]
    public async Task A_decision_doc_without_reviewers_gets_the_bots_field_error_and_the_modal_stays_open()
    {
        var (opened, _) = await world.ActAsync("command", new { @as = "U0SOFIA", channel = Team, text = "/decision" });
        Assert.Equal(HttpStatusCode.OK, opened);
        var view = await world.UntilStateAsync("U0SOFIA", state => state["modal"]?["view"]);
        var blockId = (string label) => view["blocks"]!.AsArray().First(b => b!["label"]?["text"]?.GetValue<string>() == label)!["block_id"]!.GetValue<string>();

        var (status, body) = await world.ActAsync("submit", new
        {
            @as = "U0SOFIA",
            viewId = view["id"]!.GetValue<string>(),
            values = new Dictionary<string, object?> { [blockId("Title")] = "Adopt trunk-based development", [blockId("Problem Statement")] = "Long branches", [blockId("Reviewers")] = Array.Empty<string>() },
        });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Pick at least one reviewer besides yourself.", body["errors"]![blockId("Reviewers")]!.GetValue<string>());
        Assert.Equal(view["id"]!.GetValue<string>(), (await world.StateAsync("U0SOFIA"))["modal"]!["view"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_pick_in_an_input_that_dispatches_carries_the_form_so_far_and_the_bots_update_keeps_it()
    {
        const string Kenji = "U0KENJI";
        var (opened, _) = await world.ActAsync("command", new { @as = Kenji, channel = Team, text = "/decision" });
        Assert.Equal(HttpStatusCode.OK, opened);
        var view = await world.UntilStateAsync(Kenji, state => state["modal"]?["view"]);
        var block = (string label) => view["blocks"]!.AsArray().First(b => b!["label"]?["text"]?.GetValue<string>() == label)!;
        var title = block("Title")["block_id"]!.GetValue<string>();
        var reviewers = block("Reviewers");
        Assert.True(reviewers["dispatch_action"]?.GetValue<bool>());

        var (status, body) = await world.ActAsync("pick", new
        {
            @as = Kenji,
            viewId = view["id"]!.GetValue<string>(),
            actionId = reviewers["element"]!["action_id"]!.GetValue<string>(),
            value = new[] { Priya },
            values = new Dictionary<string, object?> { [title] = "Adopt trunk-based development", [reviewers["block_id"]!.GetValue<string>()] = new[] { Priya } },
        });

        Assert.True(status == HttpStatusCode.OK, body.ToJsonString());
        var updated = await world.UntilStateAsync(Kenji, state =>
            state["modal"]?["view"] is { } shown && shown["hash"]!.GetValue<string>() != view["hash"]!.GetValue<string>() ? shown : null);
        var blocks = updated["blocks"]!.AsArray();
        Assert.Equal("Adopt trunk-based development", blocks.First(b => b!["block_id"]!.GetValue<string>() == title)!["element"]!["initial_value"]!.GetValue<string>());
        Assert.Equal([Priya], blocks.First(b => b!["label"]?["text"]?.GetValue<string>() == "Reviewers")!["element"]!["initial_users"]!.AsArray().Select(u => u!.GetValue<string>()));
    }

    [Fact]
    public async Task A_message_Slack_refuses_for_its_Block_Kit_limits_shows_as_an_error_banner_with_Slacks_lines()
    {
        // Slack's answer to an app that breaks a limit (51 blocks), as the bot would get it.
        using var api = new HttpClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = world.Slack.Workspace().BotToken,
            ["channel"] = Team,
            ["text"] = "too long",
            ["blocks"] = new JsonArray(Enumerable.Range(0, 51).Select(_ => (JsonNode?)new JsonObject { ["type"] = "divider" }).ToArray()).ToJsonString(),
        });
        using var refused = await api.PostAsync(new Uri(world.Slack.ApiBaseUrl + "chat.postMessage"), form);
        Assert.Contains("invalid_blocks", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var banner = (await world.StateAsync(Priya))["banners"]!.AsArray().Last()!;

        Assert.Equal("chat.postMessage", banner["method"]!.GetValue<string>());
        Assert.Equal("invalid_blocks", banner["error"]!.GetValue<string>());
        Assert.Contains(banner["messages"]!.AsArray(), line => line!.GetValue<string>().StartsWith("[ERROR]", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("command", "{\"as\":\"U0NOBODY\",\"text\":\"/weekly-update\"}", HttpStatusCode.BadRequest)]
    [InlineData("command", "{\"as\":\"U0PRIYA\",\"channel\":\"C0NOWHERE\",\"text\":\"hi\"}", HttpStatusCode.BadRequest)]
    [InlineData("command", "{\"as\":\"U0SOFIA\",\"channel\":\"G0LEADS\",\"text\":\"hi\"}", HttpStatusCode.BadRequest)]
    [InlineData("command", "{\"as\":\"U0PRIYA\",\"text\":\"   \"}", HttpStatusCode.BadRequest)]
    [InlineData("command", "[1,2", HttpStatusCode.BadRequest)]
    [InlineData("command", "{\"as\":\"U0PRIYA\",\"channel\":\"C0PLATFORM\",\"text\":\"hi\",\"thread\":\"1.2\"}", HttpStatusCode.Conflict)]
    [InlineData("click", "{\"as\":\"U0PRIYA\",\"channel\":\"C0PLATFORM\",\"ts\":\"1.2\",\"actionId\":\"x\"}", HttpStatusCode.Conflict)]
    [InlineData("pick", "{\"as\":\"U0PRIYA\",\"viewId\":\"V0\",\"actionId\":\"x\",\"value\":{\"a\":1}}", HttpStatusCode.BadRequest)]
    [InlineData("submit", "{\"as\":\"U0PRIYA\",\"viewId\":\"V0\",\"values\":{}}", HttpStatusCode.Conflict)]
    [InlineData("advance", "{\"step\":\"week\"}", HttpStatusCode.BadRequest)]
    [InlineData("advance", "{\"step\":\"deadline\"}", HttpStatusCode.Conflict)]
    public async Task Bad_input_gets_a_4xx_with_a_sentence(string action, string json, HttpStatusCode expected)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await world.Http.PostAsync("ui/" + action, content);

        Assert.Equal(expected, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.False(string.IsNullOrWhiteSpace(body["error"]?.GetValue<string>()));
    }

    [Fact]
    public async Task Only_the_page_itself_may_act()
    {
        using var form = new StringContent("as=U0PRIYA&text=%2Fweekly-update", Encoding.UTF8, "application/x-www-form-urlencoded");
        using var formPost = await world.Http.PostAsync("ui/command", form);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, formPost.StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Post, "ui/command")
        {
            Content = new StringContent("{\"as\":\"U0PRIYA\",\"text\":\"hi\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Origin", "https://evil.example");
        using var crossSite = await world.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, crossSite.StatusCode);

        using var unknown = await world.Http.GetAsync("ui/state?as=U0NOBODY");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task Events_say_change_when_the_clock_moves()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var request = new HttpRequestMessage(HttpMethod.Get, "ui/events");
        using var response = await world.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel.Token));
        Assert.Equal("ready", await NextEventAsync(reader, cancel.Token));

        var (status, body) = await world.ActAsync("advance", new { step = "day" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("+1 day", body["line"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("change", await NextEventAsync(reader, cancel.Token));
    }

    private static async Task<string> NextEventAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                return line["event: ".Length..];
            }
        }

        throw new InvalidOperationException("The event stream ended.");
    }
}
