using System.Net;
using System.Text.Json.Nodes;

namespace AsyncLead.Slack.Tests.Harness;

public sealed class FakeSlackAuthTests : FakeSlackScene
{
    [Fact]
    public async Task Call_without_a_token_answers_not_authed_with_http_200()
    {
        var answer = await CallAsync("auth.test", [], token: null);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("not_authed", answer.Error);
    }

    [Fact]
    public async Task Unknown_token_answers_invalid_auth()
    {
        var answer = await CallAsync("auth.test", [], token: "xoxb-nobody");

        Assert.Equal("invalid_auth", answer.Error);
    }

    [Fact]
    public async Task Auth_test_describes_the_workspace_the_token_belongs_to()
    {
        var answer = await CallAsync("auth.test", [], token: OtherWorkspaceToken);

        Assert.True(answer.Ok);
        Assert.Equal("T2", answer.Str("team_id"));
        Assert.Equal("Globex", answer.Str("team"));
        Assert.Equal("https://globex.slack.com/", answer.Str("url"));
        Assert.Equal(Slack.Workspace("T2").BotUserId, answer.Str("user_id"));
    }

    [Fact]
    public async Task A_token_acts_only_in_its_own_workspace()
    {
        var elsewhere = await CallAsync("chat.postMessage", new JsonObject { ["channel"] = "C_PAY", ["text"] = "hi" }, token: OtherWorkspaceToken);
        var userElsewhere = await CallAsync("users.info", new JsonObject { ["user"] = "U_ALICE" }, token: OtherWorkspaceToken);

        Assert.Equal("channel_not_found", elsewhere.Error);
        Assert.Equal("user_not_found", userElsewhere.Error);
        Assert.Empty(Slack.Messages("C_PAY"));
    }

    [Fact]
    public async Task Form_body_may_carry_the_token_as_a_field()
    {
        var answer = await CallFormAsync("auth.test", [("token", BotToken)], token: null);

        Assert.True(answer.Ok, answer.Body);
        Assert.Equal("T1", answer.Str("team_id"));
    }

    [Fact]
    public async Task Json_body_token_field_does_not_authenticate()
    {
        var answer = await CallAsync("auth.test", new JsonObject { ["token"] = BotToken }, token: null);

        Assert.Equal("not_authed", answer.Error);
    }

    [Fact]
    public async Task App_level_token_cannot_call_bot_methods()
    {
        var answer = await CallAsync("chat.postMessage", new JsonObject { ["channel"] = "C_PAY", ["text"] = "hi" }, token: Slack.AppToken);

        Assert.Equal("not_allowed_token_type", answer.Error);
    }

    [Fact]
    public async Task Revoked_token_answers_token_revoked()
    {
        Slack.RevokeToken(BotToken);

        var answer = await CallAsync("auth.test", []);

        Assert.Equal("token_revoked", answer.Error);
    }

    [Fact]
    public async Task Unknown_method_answers_unknown_method()
    {
        var answer = await CallAsync("chat.postMessages", []);

        Assert.Equal("unknown_method", answer.Error);
    }

    [Fact]
    public async Task Json_without_charset_works_but_warns_missing_charset()
    {
        var answer = await CallAsync("chat.postMessage", new JsonObject { ["channel"] = "C_PAY", ["text"] = "hi" }, contentType: "application/json");

        Assert.True(answer.Ok);
        Assert.Equal("missing_charset", answer.Str("warning"));
        Assert.Equal(["missing_charset"], answer.Json!["response_metadata"]!["warnings"]!.AsArray().Select(w => w!.GetValue<string>()));
    }

    [Fact]
    public async Task Json_with_charset_has_no_warning()
    {
        var answer = await CallAsync("chat.postMessage", new JsonObject { ["channel"] = "C_PAY", ["text"] = "hi" });

        Assert.True(answer.Ok);
        Assert.Null(answer.Json!["warning"]);
    }

    [Fact]
    public async Task Form_with_charset_warns_superfluous_charset()
    {
        var answer = await CallFormAsync("auth.test", [], contentType: "application/x-www-form-urlencoded; charset=utf-8");

        Assert.True(answer.Ok);
        Assert.Equal("superfluous_charset", answer.Str("warning"));
    }

    [Fact]
    public async Task Form_body_with_json_stringified_blocks_and_metadata_is_understood()
    {
        var blocks = new JsonArray(Section("*Week 47*")).ToJsonString();
        var metadata = new JsonObject { ["event_type"] = "weekly_thread", ["event_payload"] = new JsonObject { ["week"] = "2025-11-17" } }.ToJsonString();

        var answer = await CallFormAsync("chat.postMessage", [("channel", "C_PAY"), ("text", "Week 47"), ("blocks", blocks), ("metadata", metadata)]);

        Assert.True(answer.Ok, answer.Body);
        var message = Assert.Single(Slack.Messages("C_PAY"));
        Assert.Equal("*Week 47*", message.Blocks[0]!["text"]!["text"]!.GetValue<string>());
        Assert.Equal("2025-11-17", message.Metadata!["event_payload"]!["week"]!.GetValue<string>());
        var call = Assert.Single(Slack.Calls("chat.postMessage"));
        Assert.IsType<JsonArray>(call.Args["blocks"]);
    }

    [Fact]
    public async Task Malformed_json_answers_invalid_json()
    {
        var answer = await SendAsync("chat.postMessage", "{\"channel\":", "application/json; charset=utf-8", BotToken);

        Assert.Equal("invalid_json", answer.Error);
    }

    [Fact]
    public async Task Every_call_is_recorded_with_method_token_workspace_args_and_response()
    {
        await CallAsync("chat.postMessage", new JsonObject { ["channel"] = "C_PAY", ["text"] = "hello" });
        await CallAsync("chat.postMessage", new JsonObject { ["channel"] = "C_NOPE", ["text"] = "hello" });

        var calls = Slack.Calls("chat.postMessage");
        Assert.Equal(2, calls.Count);
        Assert.All(calls, c => Assert.Equal(BotToken, c.Token));
        Assert.All(calls, c => Assert.Equal("T1", c.TeamId));
        Assert.Equal("hello", calls[0].Arg("text"));
        Assert.True(calls[0].Ok);
        Assert.Equal("channel_not_found", calls[1].Error);
        Assert.Equal(Start, calls[0].At);
    }

    [Fact]
    public async Task WaitForCallAsync_returns_a_call_made_later_in_the_background()
    {
        var waiting = Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("text") == "from a job");
        await CallAsync("chat.postMessage", new JsonObject { ["channel"] = "C_PAY", ["text"] = "something else" });
        Assert.False(waiting.IsCompleted);

        await CallAsync("chat.postMessage", new JsonObject { ["channel"] = "C_PAY", ["text"] = "from a job" });
        var call = await waiting;

        Assert.Equal("from a job", call.Arg("text"));
    }

    [Fact]
    public async Task WaitForCallAsync_times_out_naming_the_calls_it_saw()
    {
        await CallAsync("chat.postMessage", new JsonObject { ["channel"] = "C_PAY", ["text"] = "not this one" });

        var timeout = await Assert.ThrowsAsync<TimeoutException>(() =>
            Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("text") == "never", TimeSpan.FromMilliseconds(50)));

        Assert.Contains("not this one", timeout.Message, StringComparison.Ordinal);
    }
}
