using System.Text.Json.Nodes;
using AsyncLead.Slack.WebApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace AsyncLead.Slack.Tests.WebApi;

/// <summary>
/// Wire details FakeSlack cannot show or provoke: exact header bytes, <c>missing_scope</c> details, dropped connections,
/// slow attempts and caller cancellation. Behaviour against Slack's rules is in <see cref="WebApiAgainstFakeSlackTests"/>.
/// </summary>
public sealed class WebApiWireTests : IAsyncLifetime
{
    private const string TeamA = "T0AAAAAAA";
    private const string TokenA = "xoxb-1111-aaaa-secret";

    private LoopbackSlack _server = null!;
    private SlackClientHost _host = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackSlack.StartAsync();
        _host = SlackClientHost.Create(_server.ApiBaseUrl);
        _host.Tokens.Add(TeamA, TokenA);
    }

    public async Task DisposeAsync()
    {
        _host.Dispose();
        await _server.DisposeAsync();
    }

    private ISlackApi A => _host.Slack.ForWorkspace(TeamA);

    [Fact]
    public async Task Write_methods_send_json_with_utf8_charset_and_the_workspaces_bearer_token()
    {
        _server.Script(Reply.Ok(new JsonObject { ["channel"] = "C0CHAN001", ["ts"] = "1741000000.000100" }));

        var posted = await A.Chat.PostMessageAsync(new PostMessageRequest("C0CHAN001", "Café ☃ update"));

        var request = Assert.Single(_server.Requests);
        Assert.Equal("chat.postMessage", request.Method);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        Assert.Equal($"Bearer {TokenA}", request.Authorization);
        Assert.Equal("Café ☃ update", request.Json["text"]!.GetValue<string>());
        Assert.Equal(new PostedMessage("C0CHAN001", "1741000000.000100"), posted);
    }

    [Fact]
    public async Task Read_methods_send_a_form_body_without_charset()
    {
        _server.Script(Reply.Ok(new JsonObject { ["user"] = new JsonObject { ["id"] = "U0AAAA001" } }));

        await A.Users.InfoAsync("U0AAAA001");

        var request = Assert.Single(_server.Requests);
        Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
        Assert.Equal("user=U0AAAA001", request.Body);
        Assert.Equal($"Bearer {TokenA}", request.Authorization);
    }

    [Fact]
    public async Task Missing_scope_carries_what_was_needed_and_provided()
    {
        _server.Script(Reply.Error("missing_scope", new JsonObject { ["needed"] = "users:read", ["provided"] = "chat:write,commands" }));

        var error = await Assert.ThrowsAsync<SlackApiException>(() => A.Users.InfoAsync("U0AAAA001"));

        Assert.Equal(("missing_scope", "users:read", "chat:write,commands"), (error.Error, error.Needed, error.Provided));
    }

    [Fact]
    public async Task A_dropped_connection_is_retried()
    {
        _server.Script(Reply.Dropped(), Reply.Ok(new JsonObject { ["team_id"] = TeamA, ["user_id"] = "U0BOT" }));

        var identity = await A.Auth.TestAsync();

        Assert.Equal(TeamA, identity.TeamId);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task A_dropped_connection_on_a_post_is_not_retried_as_slack_may_have_posted()
    {
        _server.Script(Reply.Dropped(), Reply.Ok(new JsonObject { ["channel"] = "C0CHAN001", ["ts"] = "1741000000.000100" }));

        await Assert.ThrowsAsync<HttpRequestException>(() => A.Chat.PostMessageAsync(new PostMessageRequest("C0CHAN001", "hello")));

        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_slow_attempt_is_abandoned_and_retried()
    {
        using var host = SlackClientHost.Create(_server.ApiBaseUrl, options => options.AttemptTimeout = TimeSpan.FromSeconds(1));
        host.Tokens.Add(TeamA, TokenA);
        _server.Script(Reply.Ok(new JsonObject { ["team_id"] = "T0TOOSLOW", ["user_id"] = "U0BOT" }) with { Delay = TimeSpan.FromSeconds(30) });
        _server.Respond(_ => Reply.Ok(new JsonObject { ["team_id"] = TeamA, ["user_id"] = "U0BOT" }));

        var identity = await host.Slack.ForWorkspace(TeamA).Auth.TestAsync();

        Assert.Equal(TeamA, identity.TeamId);
        Assert.True(_server.Requests.Count >= 2);
    }

    [Fact]
    public async Task Attempts_that_all_time_out_surface_as_a_timeout()
    {
        using var host = SlackClientHost.Create(_server.ApiBaseUrl, options =>
        {
            options.AttemptTimeout = TimeSpan.FromMilliseconds(500);
            options.MaxRetries = 1;
        });
        host.Tokens.Add(TeamA, TokenA);
        _server.Respond(_ => Reply.Ok(new JsonObject()) with { Delay = TimeSpan.FromSeconds(10) });

        await Assert.ThrowsAsync<TimeoutRejectedException>(() => host.Slack.ForWorkspace(TeamA).Auth.TestAsync());
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_stops_the_call_without_retrying()
    {
        using var cancellation = new CancellationTokenSource();
        _server.Respond(_ =>
        {
            cancellation.Cancel(); // the caller gives up while Slack is still working on it
            return Reply.Ok(new JsonObject()) with { Delay = TimeSpan.FromSeconds(30) };
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => A.Auth.TestAsync(cancellation.Token));

        Assert.Single(_server.Requests);
    }

    [Fact]
    public void Invalid_retry_settings_are_refused_at_start()
    {
        using var host = SlackClientHost.Create(_server.ApiBaseUrl, options =>
        {
            options.MaxRetries = 0;
            options.AttemptTimeout = TimeSpan.Zero;
        });

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(
            ["Slack Web API MaxRetries must be at least 1.", "Slack Web API AttemptTimeout must be at least 10 ms."],
            error.Failures);
    }
}
