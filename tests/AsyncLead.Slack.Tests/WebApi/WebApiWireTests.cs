using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using AsyncLead.Slack.WebApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace AsyncLead.Slack.Tests.WebApi;

/// <summary>How the client talks to Slack over HTTP: headers, bodies, errors, retries, timeouts and what it logs.</summary>
public sealed class WebApiWireTests : IAsyncLifetime
{
    private const string TeamA = "T0AAAAAAA";
    private const string TeamB = "T0BBBBBBB";
    private const string TokenA = "xoxb-1111-aaaa-secret";
    private const string TokenB = "xoxb-2222-bbbb-secret";

    private LoopbackSlack _server = null!;
    private SlackClientHost _host = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackSlack.StartAsync();
        _host = SlackClientHost.Create(_server.ApiBaseUrl);
        _host.Tokens.Add(TeamA, TokenA).Add(TeamB, TokenB);
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
    public async Task Each_workspace_calls_with_its_own_bot_token()
    {
        _server.Respond(_ => Reply.Ok(new JsonObject { ["team_id"] = "T", ["user_id"] = "U" }));

        await _host.Slack.ForWorkspace(TeamA).Auth.TestAsync();
        await _host.Slack.ForWorkspace(TeamB).Auth.TestAsync();
        await _host.Slack.ForWorkspace(TeamA).Auth.TestAsync();

        Assert.Equal([$"Bearer {TokenA}", $"Bearer {TokenB}", $"Bearer {TokenA}"], _server.Requests.Select(r => r.Authorization));
        Assert.Equal([TeamA, TeamB, TeamA], _host.Tokens.Requested);
    }

    [Fact]
    public async Task Ok_false_becomes_a_typed_exception_with_method_and_error_code()
    {
        _server.Script(Reply.Error("channel_not_found"));

        var error = await Assert.ThrowsAsync<SlackApiException>(() => A.Chat.PostMessageAsync(new PostMessageRequest("C0GONE", "hi")));

        Assert.Equal(("chat.postMessage", "channel_not_found"), (error.Method, error.Error));
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Missing_scope_carries_what_was_needed_and_provided()
    {
        _server.Script(Reply.Error("missing_scope", new JsonObject { ["needed"] = "users:read", ["provided"] = "chat:write,commands" }));

        var error = await Assert.ThrowsAsync<SlackApiException>(() => A.Users.InfoAsync("U0AAAA001"));

        Assert.Equal(("missing_scope", "users:read", "chat:write,commands"), (error.Error, error.Needed, error.Provided));
    }

    [Fact]
    public async Task A_short_retry_after_is_waited_out_and_the_call_succeeds()
    {
        _server.Script(Reply.RateLimited(retryAfterSeconds: 1), Reply.Ok(new JsonObject { ["channel"] = "C1", ["ts"] = "1.1" }));
        var clock = Stopwatch.StartNew();

        var posted = await A.Chat.PostMessageAsync(new PostMessageRequest("C1", "hi"));

        Assert.Equal("1.1", posted.Ts);
        Assert.Equal(2, _server.Requests.Count);
        // Protocol, not performance: Slack must not be called again before Retry-After has passed.
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.95), $"retried after {clock.Elapsed}");
    }

    [Fact]
    public async Task A_retry_after_longer_than_the_cap_surfaces_at_once_for_the_caller_to_reschedule()
    {
        _server.Script(Reply.RateLimited(retryAfterSeconds: 30));

        var error = await Assert.ThrowsAsync<SlackRateLimitedException>(() => A.Chat.PostMessageAsync(new PostMessageRequest("C1", "hi")));

        Assert.Equal(TimeSpan.FromSeconds(30), error.RetryAfter);
        Assert.Equal(("chat.postMessage", "ratelimited"), (error.Method, error.Error));
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Rate_limits_that_outlast_the_retries_surface_as_rate_limited()
    {
        using var host = SlackClientHost.Create(_server.ApiBaseUrl, options => options.MaxRetries = 1);
        host.Tokens.Add(TeamA, TokenA);
        _server.Respond(_ => Reply.RateLimited(retryAfterSeconds: 0));

        var error = await Assert.ThrowsAsync<SlackRateLimitedException>(() => host.Slack.ForWorkspace(TeamA).Auth.TestAsync());

        Assert.Equal(TimeSpan.Zero, error.RetryAfter);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task Server_errors_are_retried_with_backoff_until_slack_recovers()
    {
        _server.Script(Reply.ServerError(500), Reply.ServerError(503), Reply.Ok(new JsonObject { ["channel"] = "C1", ["ts"] = "2.2" }));

        var posted = await A.Chat.PostMessageAsync(new PostMessageRequest("C1", "hi"));

        Assert.Equal("2.2", posted.Ts);
        Assert.Equal(3, _server.Requests.Count);
        Assert.All(_server.Requests, request => Assert.Equal("hi", request.Json["text"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Server_errors_that_persist_surface_with_the_status_after_every_retry()
    {
        _server.Respond(_ => Reply.ServerError(503));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => A.Chat.PostMessageAsync(new PostMessageRequest("C1", "hi")));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(1 + 3, _server.Requests.Count);
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
    public async Task Logs_name_method_status_and_error_but_never_a_token_or_secret()
    {
        _server.Script(
            Reply.ServerError(),
            Reply.Ok(new JsonObject { ["team_id"] = TeamA, ["user_id"] = "U0BOT" }),
            Reply.Error("not_in_channel"),
            Reply.Ok(new JsonObject { ["access_token"] = "xoxb-fresh-install-secret", ["refresh_token"] = "xoxe-1-refresh-secret" }),
            Reply.Ok(new JsonObject { ["url"] = "wss://wss.example.com/link/?ticket=t" }));

        await A.Auth.TestAsync();
        await Assert.ThrowsAsync<SlackApiException>(() => A.Chat.PostMessageAsync(new PostMessageRequest("C1", "hi")));
        var access = await _host.Slack.OAuth.ExchangeCodeAsync("code-1", "https://asynclead.example.com/slack/oauth/callback");
        await _host.Slack.Apps.OpenConnectionAsync();

        var logs = _host.Logs.All;
        Assert.Contains("auth.test", logs, StringComparison.Ordinal);
        Assert.Contains("not_in_channel", logs, StringComparison.Ordinal);
        Assert.Contains("503", logs, StringComparison.Ordinal);
        foreach (var secret in new[] { TokenA, SlackClientHost.AppToken, SlackClientHost.ClientSecret, "xoxb-fresh-install-secret", "xoxe-1-refresh-secret" })
        {
            Assert.DoesNotContain(secret, logs, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("secret", access.ToString(), StringComparison.Ordinal);
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
