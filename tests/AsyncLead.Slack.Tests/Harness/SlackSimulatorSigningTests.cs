using System.Globalization;
using AsyncLead.Sandbox.Simulation;
using AsyncLead.Testing;

namespace AsyncLead.Slack.Tests.Harness;

/// <summary>The simulator signs exactly as Slack does: CONTRACT.md §1's official vector, and its derived ones.</summary>
public sealed class SlackSimulatorSigningTests : FakeSlackScene
{
    private const string DocsSecret = "8f742231b10e8888abcd99yyyzzz85a5";

    private const string DocsBody =
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar" +
        "&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands" +
        "%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";

    [Fact]
    public async Task Signs_slacks_documented_request_with_the_documented_signature()
    {
        var docsClock = new ManualClock(DateTimeOffset.FromUnixTimeSeconds(1531420618));
        var bot = new StandInBot();
        using var client = new HttpClient(bot) { BaseAddress = new Uri("http://bot.test/") };
        var simulator = new SlackSimulator(Slack, client, DocsSecret, docsClock);

        await simulator.PostSignedAsync(SlackSimulator.CommandsPath, DocsBody, SlackSimulator.FormContentType);

        var sent = bot.Last;
        Assert.Equal(362, sent.Body.Length);
        Assert.Equal(DocsBody, sent.Text);
        Assert.Equal("1531420618", sent.Header("X-Slack-Request-Timestamp"));
        Assert.Equal("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", sent.Header("X-Slack-Signature"));
        Assert.Equal("application/x-www-form-urlencoded", sent.Header("Content-Type"));
        Assert.Equal("/slack/commands", sent.Path);
    }

    [Theory]
    [InlineData("{\"token\":\"Jhj5dZrVaK7ZwHHjRyZWjbDl\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\",\"type\":\"url_verification\"}", "v0=f9bd80929259f3f6d5fe3a3186c453c89cd1ad4862815a15837584f31c993652")]
    [InlineData("{\"type\":\"event_callback\",\"event\":{\"type\":\"message\",\"text\":\"café ☃\"}}", "v0=825e95e83c761e1d5e8263504a1529923b585bf8513ed2f86eed904e3202e33b")]
    [InlineData("", "v0=55f41ec73231010289b54e669149ea021fccab11b5524355523533ce930cb739")]
    public void Signature_covers_the_utf8_bytes_of_the_body(string body, string expected)
    {
        Assert.Equal(expected, RequestSigning.Sign(DocsSecret, 1531420618, body));
    }

    [Fact]
    public async Task Timestamp_follows_the_simulators_clock_and_can_be_forced_stale()
    {
        var bot = new StandInBot();
        using var client = new HttpClient(bot) { BaseAddress = new Uri("http://bot.test/") };
        var simulator = new SlackSimulator(Slack, client, "secret");

        Clock.Advance(TimeSpan.FromMinutes(10));
        await simulator.PostSignedAsync(SlackSimulator.EventsPath, "{}", SlackSimulator.JsonContentType);
        var now = bot.Last.Header("X-Slack-Request-Timestamp");
        await simulator.PostSignedAsync(SlackSimulator.EventsPath, "{}", SlackSimulator.JsonContentType, signedAt: Clock.GetUtcNow().AddMinutes(-6));
        var stale = bot.Last;

        Assert.Equal(Start.AddMinutes(10).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), now);
        Assert.Equal(Start.AddMinutes(4).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), stale.Header("X-Slack-Request-Timestamp"));
        Assert.Equal(RequestSigning.Sign("secret", Start.AddMinutes(4).ToUnixTimeSeconds(), "{}"), stale.Header("X-Slack-Signature"));
    }

    [Fact]
    public async Task Raw_post_sends_only_the_headers_it_is_given()
    {
        var bot = new StandInBot();
        using var client = new HttpClient(bot) { BaseAddress = new Uri("http://bot.test/") };
        var simulator = new SlackSimulator(Slack, client, "secret");

        await simulator.PostAsync(SlackSimulator.CommandsPath, "a=b", SlackSimulator.FormContentType, new Dictionary<string, string> { ["X-Slack-Signature"] = "v0=tampered" });

        Assert.Equal("v0=tampered", bot.Last.Header("X-Slack-Signature"));
        Assert.Null(bot.Last.Header("X-Slack-Request-Timestamp"));
    }
}
