using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using AsyncLead.Sandbox.Slack;
using AsyncLead.Testing;
using AsyncLead.Testing.Network;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace AsyncLead.Slack.Tests.Harness;

/// <summary>FakeSlack mapped into another app under a prefix, as the sandbox serves it beside the bot's own routes.</summary>
public sealed class FakeSlackUnderPrefixTests : IAsyncLifetime
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2025, 11, 17, 9, 0, 0, TimeSpan.Zero));
    private readonly int _port = LoopbackPort.Free();
    private WebApplication _host = null!;
    private FakeSlack _slack = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, _port));
        builder.Logging.ClearProviders();
        _host = builder.Build();
        _slack = FakeSlack.Create(_clock, new Uri($"http://127.0.0.1:{_port}/sandbox"));
        _slack.AddWorkspace("T1", botToken: "xoxb-prefix")
            .AddUser("U_ALICE", "alice", tz: "Europe/Berlin")
            .AddChannel("C_PAY", "team-payments", members: ["U_ALICE"]);
        _host.MapGet("/", () => "the host's own page");
        _slack.MapEndpoints(_host.MapGroup("/sandbox"));
        await _host.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_port}/") };
    }

    [Fact]
    public async Task Web_api_answers_under_the_prefix_and_the_hosts_routes_stay_its_own()
    {
        var posted = await CallAsync("sandbox/api/chat.postMessage", new JsonObject { ["channel"] = "C_PAY", ["text"] = "hello" });
        var own = await _http.GetStringAsync("/");

        Assert.Equal("http://127.0.0.1:" + _port + "/sandbox/api/", _slack.ApiBaseUrl);
        Assert.True(posted["ok"]!.GetValue<bool>(), posted.ToJsonString());
        Assert.Equal("hello", _slack.Messages("C_PAY").Single().Text);
        Assert.Equal("the host's own page", own);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.PostAsync("api/auth.test", null)).StatusCode);
    }

    [Fact]
    public async Task Response_urls_and_socket_mode_urls_point_under_the_prefix()
    {
        var responseUrl = _slack.IssueResponseUrl("U_ALICE", "C_PAY");
        using var answer = await _http.PostAsync(responseUrl, new StringContent("""{"text":"Saved."}""", Encoding.UTF8, "application/json"));
        var socket = await CallAsync("sandbox/api/apps.connections.open", [], _slack.AppToken);

        Assert.StartsWith($"http://127.0.0.1:{_port}/sandbox/response_url/", responseUrl.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("Saved.", _slack.ResponseUrlPosts().Single().Text);
        Assert.StartsWith($"ws://127.0.0.1:{_port}/sandbox/link/?ticket=", socket["url"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private async Task<JsonObject> CallAsync(string path, JsonObject args, string token = "xoxb-prefix")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(args.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _http.SendAsync(request);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _slack.DisposeAsync();
        await _host.DisposeAsync();
    }
}
