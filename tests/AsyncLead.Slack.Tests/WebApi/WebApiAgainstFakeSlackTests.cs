using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using AsyncLead.Sandbox.Slack;
using AsyncLead.Slack.BlockKit;
using AsyncLead.Slack.WebApi;

namespace AsyncLead.Slack.Tests.WebApi;

/// <summary>The client against FakeSlack, the project's referee for Slack's rules: tokens, bodies, errors, faults and Block Kit limits.</summary>
public sealed class WebApiAgainstFakeSlackTests : IAsyncLifetime
{
    private const string TokenT1 = "xoxb-t1-webapi";
    private const string TokenT2 = "xoxb-t2-webapi";
    private const string RedirectUri = "https://asynclead.example.com/slack/oauth/callback";

    private FakeSlack _slack = null!;
    private SlackClientHost _host = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _slack.AddWorkspace("T1", botToken: TokenT1)
            .AddUser("U_ALICE", "alice", tz: "Europe/Berlin")
            .AddUser("U_BOB", "bob", tz: "America/New_York")
            .AddChannel("C_PAY", "team-payments", members: ["U_ALICE", "U_BOB"])
            .AddChannel("C_OPS", "ops", members: ["U_ALICE"], botIsMember: false);
        _slack.AddWorkspace("T2", botToken: TokenT2)
            .AddUser("U_ZED", "zed", tz: "Asia/Tokyo", teamId: "T2")
            .AddChannel("C_T2", "general", members: ["U_ZED"], teamId: "T2");
        _host = SlackClientHost.Create(_slack.ApiBaseUrl, slackSettings: slack =>
        {
            slack.ClientId = _slack.ClientId;
            slack.ClientSecret = _slack.ClientSecret;
            slack.AppToken = _slack.AppToken;
        });
        _host.Tokens.Add("T1", TokenT1).Add("T2", TokenT2);
    }

    public async Task DisposeAsync()
    {
        _host.Dispose();
        await _slack.DisposeAsync();
    }

    private ISlackApi T1 => _host.Slack.ForWorkspace("T1");

    [Fact]
    public async Task Every_method_is_accepted_without_charset_warnings()
    {
        var thread = await T1.Chat.PostMessageAsync(new PostMessageRequest("C_PAY", "Week of 17 November"));
        await T1.Chat.UpdateAsync(new UpdateMessageRequest("C_PAY", thread.Ts, "Week of 17 Nov") { Blocks = [Blocks.Header("Week of 17 Nov")] });
        await T1.Chat.PostEphemeralAsync(new EphemeralMessageRequest("C_PAY", "U_ALICE", "Only you see this"));
        await T1.Chat.GetPermalinkAsync("C_PAY", thread.Ts);
        var modal = await T1.Views.OpenAsync(_slack.IssueTriggerId("U_ALICE"), Modal("First"));
        await T1.Views.PushAsync(_slack.IssueTriggerId("U_ALICE"), Modal("Second"));
        await T1.Views.UpdateAsync(modal.Id, Modal("First, edited"), modal.Hash);
        await T1.Views.PublishAsync("U_ALICE", new HomeView([Blocks.Section("Your week")]));
        await T1.Users.InfoAsync("U_BOB");
        var dm = await T1.Conversations.OpenDirectMessageAsync("U_ALICE");
        await T1.Conversations.InfoAsync(dm);
        await T1.Conversations.MembersAsync("C_PAY").ToListAsync();
        await T1.Conversations.RepliesAsync("C_PAY", thread.Ts, includeAllMetadata: true).ToListAsync();
        await T1.Auth.TestAsync();
        await T1.Chat.DeleteAsync("C_PAY", thread.Ts);
        await _host.Slack.OAuth.ExchangeCodeAsync(_slack.IssueOAuthCode("T1", "U_ALICE", RedirectUri), RedirectUri);
        await _host.Slack.Apps.OpenConnectionAsync();

        var calls = _slack.Calls();
        Assert.Equal(17, calls.Count);
        Assert.All(calls, call =>
        {
            Assert.True(call.Ok, $"{call.Method}: {call.Response.ToJsonString()}");
            Assert.Null(call.Response["warning"]);
        });
    }

    [Fact]
    public async Task Auth_test_names_the_tokens_scopes_and_dnd_team_info_needs_dnd_read()
    {
        Assert.Equal(FakeSlack.DefaultScopes, (await T1.Auth.TestAsync()).Scopes);
        _slack.SetDnd("U_ALICE", DateTimeOffset.FromUnixTimeSeconds(1_763_712_000), DateTimeOffset.FromUnixTimeSeconds(1_763_717_400));

        var refused = await Assert.ThrowsAsync<SlackApiException>(() => T1.Dnd.TeamInfoAsync(["U_ALICE"]));
        Assert.Equal("missing_scope", refused.Error);
        Assert.Equal("dnd:read", refused.Needed);

        _slack.AddWorkspace("T3", botToken: "xoxb-t3-webapi", scopes: [.. FakeSlack.DefaultScopes, "dnd:read"])
            .AddUser("U_CARA", "cara", tz: "Europe/Paris", teamId: "T3")
            .AddUser("U_DAN", "dan", tz: "Europe/Paris", teamId: "T3");
        _host.Tokens.Add("T3", "xoxb-t3-webapi");
        _slack.SetDnd("U_CARA", DateTimeOffset.FromUnixTimeSeconds(1_763_712_000), DateTimeOffset.FromUnixTimeSeconds(1_763_717_400));
        var t3 = _host.Slack.ForWorkspace("T3");
        Assert.Contains("dnd:read", (await t3.Auth.TestAsync()).Scopes!);

        var dnd = await t3.Dnd.TeamInfoAsync(["U_CARA", "U_DAN"]);

        Assert.Equal((DateTimeOffset.FromUnixTimeSeconds(1_763_712_000), DateTimeOffset.FromUnixTimeSeconds(1_763_717_400)), dnd["U_CARA"].Window);
        Assert.Null(dnd["U_DAN"].Window);
        Assert.Equal(["U_CARA,U_DAN"], _slack.Calls("dnd.teamInfo").Where(c => c.Ok).Select(c => c.Arg("users")));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => t3.Dnd.TeamInfoAsync([.. Enumerable.Range(0, 51).Select(i => $"U{i}")]));
    }

    [Fact]
    public async Task A_thread_reply_carries_metadata_that_replies_read_back()
    {
        var root = await T1.Chat.PostMessageAsync(new PostMessageRequest("C_PAY", "Week of 17 November"));
        var reply = await T1.Chat.PostMessageAsync(new PostMessageRequest("C_PAY", "Alice's update")
        {
            ThreadTs = root.Ts,
            Blocks = Blocks.FromMarkdown("## Completed\n- Shipped **payouts** with <@U_BOB>"),
            Metadata = new MessageMetadata("asynclead_update", new JsonObject { ["update_id"] = "upd-42" }),
        });

        var messages = await T1.Conversations.RepliesAsync("C_PAY", root.Ts, includeAllMetadata: true).ToListAsync();

        Assert.Equal([root.Ts, reply.Ts], messages.Select(m => m.Ts));
        Assert.Equal("asynclead_update", messages[1].Metadata!.EventType);
        Assert.Equal("upd-42", messages[1].Metadata!.EventPayload!["update_id"]!.GetValue<string>());
        var stored = Assert.Single(_slack.ThreadReplies("C_PAY", root.Ts));
        Assert.Contains("*Completed*\n\n• Shipped *payouts* with <@U_BOB>", stored.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_workspace_acts_with_its_own_token()
    {
        await _host.Slack.ForWorkspace("T1").Chat.PostMessageAsync(new PostMessageRequest("C_PAY", "hello T1"));
        await _host.Slack.ForWorkspace("T2").Chat.PostMessageAsync(new PostMessageRequest("C_T2", "hello T2"));
        var crossed = await Assert.ThrowsAsync<SlackApiException>(
            () => _host.Slack.ForWorkspace("T2").Chat.PostMessageAsync(new PostMessageRequest("C_PAY", "wrong workspace")));

        Assert.Equal("channel_not_found", crossed.Error);
        Assert.Equal([(TokenT1, "T1"), (TokenT2, "T2"), (TokenT2, "T2")], _slack.Calls("chat.postMessage").Select(c => (c.Token, c.TeamId)));
        Assert.Equal("hello T1", Assert.Single(_slack.Messages("C_PAY")).Text);
        Assert.Equal("hello T2", Assert.Single(_slack.Messages("C_T2")).Text);
    }

    [Fact]
    public async Task Slack_errors_arrive_as_typed_exceptions_naming_method_and_code()
    {
        var notInChannel = await Assert.ThrowsAsync<SlackApiException>(() => T1.Chat.PostMessageAsync(new PostMessageRequest("C_OPS", "hi")));
        var noUser = await Assert.ThrowsAsync<SlackApiException>(() => T1.Users.InfoAsync("U_NOBODY"));
        _slack.RevokeToken(TokenT1);
        var revoked = await Assert.ThrowsAsync<SlackApiException>(() => T1.Auth.TestAsync());

        Assert.Equal(("chat.postMessage", "not_in_channel"), (notInChannel.Method, notInChannel.Error));
        Assert.Equal(("users.info", "user_not_found"), (noUser.Method, noUser.Error));
        Assert.Equal(("auth.test", "token_revoked"), (revoked.Method, revoked.Error));
        Assert.Equal(3, _slack.Calls().Count);
    }

    [Fact]
    public async Task A_short_rate_limit_is_waited_out_and_the_message_posted_once()
    {
        _slack.Faults.RateLimit("chat.postMessage", times: 1, retryAfterSeconds: 1);
        var clock = Stopwatch.StartNew();

        await T1.Chat.PostMessageAsync(new PostMessageRequest("C_PAY", "hello"));

        Assert.Equal([429, 200], _slack.Calls("chat.postMessage").Select(c => c.StatusCode));
        Assert.Single(_slack.Messages("C_PAY"));
        // Protocol, not performance: the retry must not come before Retry-After.
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.95), $"retried after {clock.Elapsed}");
    }

    [Fact]
    public async Task A_long_rate_limit_surfaces_at_once_so_the_job_can_be_rescheduled()
    {
        _slack.Faults.RateLimit("chat.postMessage", times: 1, retryAfterSeconds: 30);

        var limited = await Assert.ThrowsAsync<SlackRateLimitedException>(() => T1.Chat.PostMessageAsync(new PostMessageRequest("C_PAY", "hello")));

        Assert.Equal(TimeSpan.FromSeconds(30), limited.RetryAfter);
        Assert.Equal([429], _slack.Calls("chat.postMessage").Select(c => c.StatusCode));
        Assert.Empty(_slack.Messages("C_PAY"));
    }

    [Fact]
    public async Task Rate_limits_that_outlast_the_retries_surface_as_rate_limited()
    {
        _slack.Faults.RateLimit("users.info", times: 10, retryAfterSeconds: 0);

        var limited = await Assert.ThrowsAsync<SlackRateLimitedException>(() => T1.Users.InfoAsync("U_ALICE"));

        Assert.Equal(TimeSpan.Zero, limited.RetryAfter);
        Assert.Equal(1 + 3, _slack.Calls("users.info").Count);
    }

    [Fact]
    public async Task Server_errors_on_a_read_are_retried_until_slack_recovers()
    {
        _slack.Faults.ServerError("users.info", times: 2, statusCode: 503);

        var alice = await T1.Users.InfoAsync("U_ALICE");

        Assert.Equal("U_ALICE", alice.Id);
        Assert.Equal([503, 503, 200], _slack.Calls("users.info").Select(c => c.StatusCode));
    }

    [Fact]
    public async Task Server_errors_that_persist_surface_as_an_http_error_after_the_retries()
    {
        _slack.Faults.ServerError("users.info", times: 10, statusCode: 500);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => T1.Users.InfoAsync("U_ALICE"));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal(1 + 3, _slack.Calls("users.info").Count);
    }

    [Fact]
    public async Task A_server_error_on_a_post_is_not_retried_in_the_call_as_slack_may_have_posted()
    {
        _slack.Faults.ServerError("chat.postMessage", times: 1, statusCode: 503);
        _slack.Faults.ServerError("chat.postEphemeral", times: 1, statusCode: 500);

        var post = await Assert.ThrowsAsync<HttpRequestException>(() => T1.Chat.PostMessageAsync(new PostMessageRequest("C_PAY", "hello")));
        var ephemeral = await Assert.ThrowsAsync<HttpRequestException>(() =>
            T1.Chat.PostEphemeralAsync(new EphemeralMessageRequest("C_PAY", "U_ALICE", "only you")));

        Assert.Equal((HttpStatusCode.ServiceUnavailable, HttpStatusCode.InternalServerError), (post.StatusCode, ephemeral.StatusCode));
        Assert.Equal([503], _slack.Calls("chat.postMessage").Select(c => c.StatusCode));
        Assert.Equal([500], _slack.Calls("chat.postEphemeral").Select(c => c.StatusCode));
    }

    [Fact]
    public async Task A_post_slack_accepted_but_answered_after_the_timeout_is_not_sent_again()
    {
        using var host = SlackClientHost.Create(_slack.ApiBaseUrl, options => options.AttemptTimeout = TimeSpan.FromMilliseconds(300));
        host.Tokens.Add("T1", TokenT1);
        _slack.Faults.SlowAnswer(TimeSpan.FromSeconds(2), "chat.postMessage");

        await Assert.ThrowsAsync<Polly.Timeout.TimeoutRejectedException>(() =>
            host.Slack.ForWorkspace("T1").Chat.PostMessageAsync(new PostMessageRequest("C_PAY", "Week of 17 November")));

        Assert.Single(_slack.Calls("chat.postMessage"));
        Assert.Single(_slack.Messages("C_PAY"));
    }

    [Fact]
    public async Task Oversized_messages_and_views_are_fitted_so_slacks_block_kit_rules_accept_them()
    {
        var longDoc = string.Join("\n\n", Enumerable.Range(1, 60).Select(i => $"**Point {i}** " + string.Concat(Enumerable.Repeat("words & <more> words ", 60))));
        var options = Enumerable.Range(1, 5).Select(i => Option.Plain($"Option {i}: " + new string('x', 100), $"o{i}")).ToList();

        await T1.Chat.PostMessageAsync(new PostMessageRequest("C_PAY", longDoc) { Blocks = [Blocks.Header(new string('H', 200)), .. Blocks.FromMarkdown(longDoc)] });
        await T1.Views.PublishAsync("U_ALICE", new HomeView([.. Enumerable.Range(1, 150).Select(i => Blocks.Section($"Row {i}"))]));
        await T1.Views.OpenAsync(_slack.IssueTriggerId("U_ALICE"), new ModalView(
            new PlainText("A decision title that is far too long"),
            [Blocks.Input("kind", new string('L', 2100), new StaticSelectElement("value", options) { InitialOption = options[2] })])
        {
            Submit = new PlainText("Submit this decision now please"),
        });

        Assert.All(_slack.Calls(), call => Assert.True(call.Ok, $"{call.Method}: {call.Response.ToJsonString()}"));
        Assert.Equal(50, Assert.Single(_slack.Messages("C_PAY")).Blocks.Count);
        Assert.Equal(100, _slack.PublishedHome("U_ALICE")!.Blocks.Count);
    }

    [Fact]
    public async Task Channel_members_are_listed_across_pages()
    {
        var people = Enumerable.Range(1, 450).Select(i => $"U{i:0000}").ToList();
        _slack.AddChannel("C_BIG", "everyone", members: people, teamId: "T1");

        var members = await T1.Conversations.MembersAsync("C_BIG").ToListAsync();

        Assert.Equal(people.Append("U0BOTT1").Order(StringComparer.Ordinal), members); // Slack lists the bot too
        Assert.Equal(3, _slack.Calls("conversations.members").Count);
    }

    [Fact]
    public async Task A_person_comes_with_their_time_zone()
    {
        var alice = await T1.Users.InfoAsync("U_ALICE");

        Assert.Equal(("U_ALICE", "T1", "Europe/Berlin", false), (alice.Id, alice.TeamId, alice.Tz, alice.IsBot));
    }

    [Fact]
    public async Task An_install_yields_the_workspace_bot_token_and_socket_mode_gets_a_url()
    {
        var access = await _host.Slack.OAuth.ExchangeCodeAsync(_slack.IssueOAuthCode("T2", "U_ZED", RedirectUri), RedirectUri);
        var socket = await _host.Slack.Apps.OpenConnectionAsync();

        Assert.Equal((TokenT2, "T2", "U0BOTT2", false), (access.AccessToken, access.Team?.Id, access.BotUserId, access.IsEnterpriseInstall));
        Assert.Equal("U_ZED", access.AuthedUser?.Id);
        Assert.Equal("ws", socket.Scheme);
        Assert.Equal(_slack.AppToken, _slack.Calls("apps.connections.open").Single().Token);
    }

    [Fact]
    public async Task Logs_name_methods_and_errors_but_never_a_token_or_secret()
    {
        _slack.Faults.ServerError("auth.test", times: 1, statusCode: 503);
        await T1.Auth.TestAsync();
        await Assert.ThrowsAsync<SlackApiException>(() => T1.Chat.PostMessageAsync(new PostMessageRequest("C_OPS", "hi")));
        await _host.Slack.OAuth.ExchangeCodeAsync(_slack.IssueOAuthCode("T1", "U_ALICE", RedirectUri), RedirectUri);
        await _host.Slack.Apps.OpenConnectionAsync();

        var logs = _host.Logs.All;
        Assert.Contains("auth.test", logs, StringComparison.Ordinal);
        Assert.Contains("503", logs, StringComparison.Ordinal);
        Assert.Contains("not_in_channel", logs, StringComparison.Ordinal);
        Assert.Contains("oauth.v2.access", logs, StringComparison.Ordinal);
        foreach (var secret in new[] { TokenT1, _slack.AppToken, _slack.ClientSecret })
        {
            Assert.DoesNotContain(secret, logs, StringComparison.Ordinal);
        }
    }

    private static ModalView Modal(string title) =>
        new(new PlainText(title), [Blocks.Input("note", "Note", new PlainTextInputElement("value"))]) { Submit = new PlainText("Save") };
}
