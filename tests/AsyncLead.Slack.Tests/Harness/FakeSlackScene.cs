using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using AsyncLead.Sandbox.Slack;
using AsyncLead.Testing;

namespace AsyncLead.Slack.Tests.Harness;

/// <summary>
/// One FakeSlack per test, with a small cast: workspace T1 (Alice in Berlin, Bob in New York, a deleted
/// Carol, another bot) and its channels, plus a second workspace T2. Calls go through a plain HttpClient.
/// </summary>
public abstract class FakeSlackScene : IAsyncLifetime
{
    protected const string BotToken = "xoxb-t1-harness";
    protected const string OtherWorkspaceToken = "xoxb-t2-harness";
    protected static readonly DateTimeOffset Start = new(2025, 11, 17, 9, 0, 0, TimeSpan.Zero);

    protected ManualClock Clock { get; } = new(Start);
    protected FakeSlack Slack { get; private set; } = null!;
    protected HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Slack = await FakeSlack.StartAsync(Clock);
        Slack.AddWorkspace("T1", botToken: BotToken, name: "Acme", domain: "acme")
            .AddUser("U_ALICE", "alice", tz: "Europe/Berlin")
            .AddUser("U_BOB", "bob", tz: "America/New_York")
            .AddUser("U_CAROL", "carol", deleted: true)
            .AddUser("U_OTHERBOT", "otherbot", isBot: true)
            .AddChannel("C_PAY", "team-payments", members: ["U_ALICE", "U_BOB"], botIsMember: true)
            .AddChannel("C_OPS", "ops", members: ["U_ALICE"], botIsMember: false)
            .AddChannel("G_SECRET", "secret", members: ["U_BOB"], botIsMember: false, isPrivate: true);
        Slack.AddWorkspace("T2", botToken: OtherWorkspaceToken, name: "Globex", domain: "globex")
            .AddUser("U_ZED", "zed", tz: "Asia/Tokyo", teamId: "T2")
            .AddChannel("C_T2", "general", members: ["U_ZED"], teamId: "T2");
        Http = new HttpClient { BaseAddress = new Uri(Slack.ApiBaseUrl) };
    }

    public virtual async Task DisposeAsync()
    {
        Http.Dispose();
        await Slack.DisposeAsync();
    }

    /// <summary>A Web API call with a JSON body (charset included, as a well-behaved client sends it).</summary>
    protected Task<ApiAnswer> CallAsync(string method, JsonObject args, string? token = BotToken, string contentType = "application/json; charset=utf-8") =>
        SendAsync(method, args.ToJsonString(), contentType, token);

    /// <summary>A Web API call with a form body; nested objects must already be JSON strings.</summary>
    protected Task<ApiAnswer> CallFormAsync(string method, IEnumerable<(string Name, string Value)> fields, string? token = BotToken, string contentType = "application/x-www-form-urlencoded") =>
        SendAsync(method, string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Name)}={Uri.EscapeDataString(f.Value)}")), contentType, token);

    protected async Task<ApiAnswer> SendAsync(string method, string body, string contentType, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, method);
        request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = response.Content.Headers.ContentType?.MediaType == "application/json" ? JsonNode.Parse(text)!.AsObject() : null;
        return new ApiAnswer(response.StatusCode, response.Headers.RetryAfter?.Delta, text, json);
    }

    /// <summary>Posts a plain message as the bot and returns its ts.</summary>
    protected async Task<string> PostAsync(string channel, string text, string? threadTs = null)
    {
        var args = new JsonObject { ["channel"] = channel, ["text"] = text };
        if (threadTs is not null)
        {
            args["thread_ts"] = threadTs;
        }

        var answer = await CallAsync("chat.postMessage", args);
        Assert.True(answer.Ok, answer.Body);
        return answer.Str("ts")!;
    }

    protected static JsonObject Section(string text) => new()
    {
        ["type"] = "section",
        ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = text },
    };

    protected static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text };

    protected static JsonObject Input(string blockId, string label, JsonObject element) => new()
    {
        ["type"] = "input",
        ["block_id"] = blockId,
        ["label"] = PlainText(label),
        ["element"] = element,
    };

    protected static JsonObject Modal(params JsonObject[] blocks) => new()
    {
        ["type"] = "modal",
        ["callback_id"] = "weekly_update",
        ["title"] = PlainText("Weekly update"),
        ["submit"] = PlainText("Post"),
        ["close"] = PlainText("Cancel"),
        ["private_metadata"] = "C_PAY",
        ["blocks"] = new JsonArray(blocks),
    };
}

public sealed record ApiAnswer(HttpStatusCode Status, TimeSpan? RetryAfter, string Body, JsonObject? Json)
{
    public bool Ok => Json?["ok"]?.GetValue<bool>() == true;
    public string? Error => Json?["error"]?.GetValue<string>();
    public string? Str(string name) => Json?[name]?.GetValue<string>();

    public IReadOnlyList<string> Messages =>
        Json?["response_metadata"]?["messages"]?.AsArray().Select(m => m!.GetValue<string>()).ToList() ?? [];
}
