using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;
using AsyncLead.Slack.Receivers;
using AsyncLead.Slack.Tests.Dispatch;
using AsyncLead.Slack.Tests.Fixtures;
using AsyncLead.Slack.Verification;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncLead.Slack.Tests.Receivers;

public sealed class SlackHttpReceiverTests : IAsyncLifetime
{
    private SlackReceiverHost _host = null!;

    public async Task InitializeAsync() => _host = await SlackReceiverHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static async Task AssertEmpty200(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    private static string CommandForm(string command, string responseUrl = "https://hooks.slack.com/commands/T0AL5LEAD/1/x", string text = "") =>
        $"team_id=T0AL5LEAD&channel_id=C0AL5TEAM&user_id=U0AL5ALICE&command={Uri.EscapeDataString(command)}&text={Uri.EscapeDataString(text)}&response_url={Uri.EscapeDataString(responseUrl)}&trigger_id=1.2.3";

    [Theory]
    [InlineData("/slack/commands")]
    [InlineData("/slack/interactions")]
    [InlineData("/slack/events")]
    public async Task Unconfigured_signing_secret_answers_503_saying_how_to_set_it(string path)
    {
        await using var host = await SlackReceiverHost.StartAsync(signingSecret: null);

        var response = await host.PostJsonAsync(path, Fixture.Bytes("events_url_verification.json"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await JsonOf(response);
        Assert.Equal("slack_not_configured", body.GetProperty("error").GetString());
        Assert.Contains("Slack__SigningSecret", body.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("environment variable", body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unsigned_ssl_check_probe_gets_an_empty_200_and_reaches_no_handler()
    {
        using var content = new StringContent("token=random&ssl_check=1", Encoding.UTF8, "application/x-www-form-urlencoded");

        var response = await _host.Client.PostAsync("/slack/commands", content);

        await AssertEmpty200(response);
        Assert.Empty(_host.Calls.All);
    }

    public static TheoryData<string, string> Tamperings => new()
    {
        { "no signature headers", "none" },
        { "signature over another body", "body" },
        { "signed with another secret", "secret" },
        { "timestamp six minutes old", "stale" },
        { "version v1", "version" },
    };

    [Theory]
    [MemberData(nameof(Tamperings))]
    public async Task Unverified_requests_get_401_invalid_request_and_reach_no_handler(string because, string tampering)
    {
        var body = Encoding.UTF8.GetBytes(CommandForm("/weekly-update"));

        var response = await _host.PostSignedAsync("/slack/commands", body, "application/x-www-form-urlencoded", request =>
        {
            var timestamp = request.Headers.GetValues(SlackSignature.TimestampHeader).Single();
            var stale = (long.Parse(timestamp, CultureInfo.InvariantCulture) - 360).ToString(CultureInfo.InvariantCulture);
            request.Headers.Remove(SlackSignature.SignatureHeader);
            request.Headers.Remove(SlackSignature.TimestampHeader);
            switch (tampering)
            {
                case "body":
                    Sign(request, timestamp, SlackSignature.Sign(SlackReceiverHost.SigningSecret, timestamp, [.. body, (byte)'x']));
                    break;
                case "secret":
                    Sign(request, timestamp, SlackSignature.Sign("another-secret", timestamp, body));
                    break;
                case "stale":
                    Sign(request, stale, SlackSignature.Sign(SlackReceiverHost.SigningSecret, stale, body));
                    break;
                case "version":
                    Sign(request, timestamp, "v1=" + SlackSignature.Sign(SlackReceiverHost.SigningSecret, timestamp, body)[3..]);
                    break;
            }
        });

        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, because);
        Assert.Equal("invalid request", (await JsonOf(response)).GetProperty("error").GetString());
        Assert.Empty(_host.Calls.All);

        static void Sign(HttpRequestMessage request, string timestamp, string signature)
        {
            request.Headers.Add(SlackSignature.TimestampHeader, timestamp);
            request.Headers.Add(SlackSignature.SignatureHeader, signature);
        }
    }

    [Fact]
    public async Task Unsigned_garbage_is_rejected_as_unverified_not_parsed()
    {
        using var content = new StringContent("{{{ not json", Encoding.UTF8, "application/json");

        var response = await _host.Client.PostAsync("/slack/events", content);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Body_over_one_mebibyte_gets_413()
    {
        var body = new byte[SlackHttpReceiver.MaxBodyBytes + 1];
        Array.Fill(body, (byte)'a');

        var response = await _host.PostJsonAsync("/slack/events", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Chunked_body_over_one_mebibyte_without_content_length_gets_413()
    {
        var body = new byte[SlackHttpReceiver.MaxBodyBytes + 1];
        using var request = new HttpRequestMessage(HttpMethod.Post, "/slack/events") { Content = new StreamContent(new MemoryStream(body)) };
        request.Headers.TransferEncodingChunked = true;

        var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Signed_malformed_payload_gets_400_with_the_reason()
    {
        var response = await _host.PostFormAsync("/slack/interactions", "payload=%7B%22type%22%3A");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await JsonOf(response);
        Assert.Equal("invalid payload", body.GetProperty("error").GetString());
        Assert.Contains("not valid JSON", body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Url_verification_echoes_the_challenge_as_json()
    {
        var response = await _host.PostJsonAsync("/slack/events", Fixture.Bytes("events_url_verification.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", (await JsonOf(response)).GetProperty("challenge").GetString());
    }

    [Fact]
    public async Task Slash_command_reaches_its_handler_and_its_message_is_the_ack_body()
    {
        var response = await _host.PostFormAsync("/slack/commands", Fixture.Text("slash_command.form"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonOf(response);
        Assert.Equal("ephemeral", body.GetProperty("response_type").GetString());
        Assert.Equal("Saved: shipped the importer & fixed <@U0AL5BOB>'s bug", body.GetProperty("text").GetString());
        Assert.Equal("section", body.GetProperty("blocks")[0].GetProperty("type").GetString());
        var call = Assert.Single(_host.Calls.To("/weekly-update"));
        Assert.Equal("T0AL5LEAD", call.Context.TeamId);
    }

    [Fact]
    public async Task Org_install_slash_command_reaches_its_handler()
    {
        var response = await _host.PostFormAsync("/slack/commands", Fixture.Text("slash_command_org.form"));

        await AssertEmpty200(response);
        var call = Assert.Single(_host.Calls.To("/decision"));
        Assert.True(call.Context.IsEnterpriseInstall);
        Assert.Equal("E0AL5ORG1", call.Context.EnterpriseId);
    }

    [Theory]
    [InlineData("block_actions_message.json", "weekly-update.open")]
    [InlineData("view_closed.json", "view_closed weekly-update.submit")]
    [InlineData("shortcut_global.json", "shortcut decision.new")]
    [InlineData("shortcut_message.json", "shortcut decision.from-message")]
    public async Task Interactions_reach_their_handler_and_are_acked_empty(string fixture, string route)
    {
        var response = await _host.PostFormAsync("/slack/interactions", Fixture.InteractionFormOf(Fixture.Text(fixture)));

        await AssertEmpty200(response);
        await _host.AfterHandlersAsync();
        Assert.Single(_host.Calls.To(route));
    }

    [Fact]
    public async Task Block_actions_with_several_actions_dispatch_each()
    {
        var response = await _host.PostFormAsync("/slack/interactions", Fixture.InteractionFormOf(Fixture.Text("block_actions_view_multi.json")));

        await AssertEmpty200(response);
        await _host.AfterHandlersAsync();
        Assert.Equal(["decision.approve", "decision.stance"], _host.Calls.All.Select(call => call.Route));
    }

    [Fact]
    public async Task View_submission_ack_carries_the_response_action()
    {
        var response = await _host.PostFormAsync("/slack/interactions", Fixture.InteractionFormOf(Fixture.Text("view_submission.json")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonOf(response);
        Assert.Equal("errors", body.GetProperty("response_action").GetString());
        Assert.Equal("Say what you finished", body.GetProperty("errors").GetProperty("completed").GetString());
        var submission = Assert.IsType<ViewSubmissionPayload>(Assert.Single(_host.Calls.All).Payload);
        Assert.Equal("Shipped the importer\nFixed the flaky test", submission.View.State.Find("completed", "text")?.Value);
    }

    [Theory]
    [InlineData("event_app_home_opened.json", "event app_home_opened")]
    [InlineData("event_app_home_opened_org.json", "event app_home_opened")]
    [InlineData("event_message_thread_reply.json", "event message")]
    [InlineData("event_message_bot.json", "event message")]
    [InlineData("event_app_uninstalled.json", "event app_uninstalled")]
    [InlineData("event_tokens_revoked.json", "event tokens_revoked")]
    [InlineData("event_user_change.json", "event user_change")]
    public async Task Events_reach_their_handler_and_are_acked_empty(string fixture, string route)
    {
        var response = await _host.PostJsonAsync("/slack/events", Fixture.Bytes(fixture));

        await AssertEmpty200(response);
        await _host.AfterHandlersAsync();
        Assert.Single(_host.Calls.To(route));
    }

    [Fact]
    public async Task Retried_event_is_acked_200_and_not_dispatched_again()
    {
        var first = await _host.PostJsonAsync("/slack/events", Fixture.Bytes("event_user_change.json"));
        var retry = await _host.PostJsonAsync("/slack/events", Fixture.Bytes("event_user_change.json"), request =>
        {
            request.Headers.Add("X-Slack-Retry-Num", "1");
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        });

        await AssertEmpty200(first);
        await AssertEmpty200(retry);
        await _host.AfterHandlersAsync();
        Assert.Single(_host.Calls.To("event user_change"));
    }

    [Fact]
    public async Task Retry_headers_reach_the_handlers_context()
    {
        var response = await _host.PostJsonAsync("/slack/events", Fixture.Bytes("event_app_uninstalled.json"), request =>
        {
            request.Headers.Add("X-Slack-Retry-Num", "2");
            request.Headers.Add("X-Slack-Retry-Reason", "http_error");
        });

        await AssertEmpty200(response);
        await _host.AfterHandlersAsync();
        var context = Assert.Single(_host.Calls.To("event app_uninstalled")).Context;
        Assert.Equal(2, context.RetryNum);
        Assert.Equal("http_error", context.RetryReason);
    }

    [Fact]
    public async Task Unknown_routes_are_acked_200_empty()
    {
        var command = await _host.PostFormAsync("/slack/commands", CommandForm("/nobody-home"));
        var suggestion = await _host.PostFormAsync("/slack/interactions", Fixture.InteractionFormOf(Fixture.Text("block_suggestion.json")));
        var unknownEvent = await _host.PostJsonAsync("/slack/events", Fixture.Bytes("event_reaction_added.json"));
        var unknownEnvelope = await _host.PostJsonAsync("/slack/events", """{"type":"app_rate_limited","team_id":"T0AL5LEAD","minute_rate_limited":1718000000}"""u8.ToArray());

        await AssertEmpty200(command);
        await AssertEmpty200(suggestion);
        await AssertEmpty200(unknownEvent);
        await AssertEmpty200(unknownEnvelope);
        await _host.AfterHandlersAsync();
        Assert.Empty(_host.Calls.All);
    }

    [Fact]
    public async Task Failing_command_handler_is_acked_200_with_an_ephemeral_apology()
    {
        var response = await _host.PostFormAsync("/slack/commands", CommandForm("/explode"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonOf(response);
        Assert.Equal("ephemeral", body.GetProperty("response_type").GetString());
        Assert.StartsWith("Something went wrong", body.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Single(_host.Calls.To("/explode"));
    }

    [Fact]
    public async Task Failing_view_submission_handler_is_acked_200_with_an_error_that_keeps_the_modal_open()
    {
        var response = await _host.PostFormAsync("/slack/interactions", Fixture.InteractionFormOf(Fixture.Text("view_submission_all_values.json")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ack = await JsonOf(response);
        Assert.Equal("errors", ack.GetProperty("response_action").GetString());
        Assert.StartsWith("Something went wrong on our side", ack.GetProperty("errors").GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overrunning_handler_is_acked_before_it_finishes_and_its_message_goes_to_the_response_url()
    {
        await using var host = await SlackReceiverHost.StartAsync(ackBudget: TimeSpan.FromMilliseconds(200));

        var response = await host.PostFormAsync("/slack/commands", CommandForm("/slow", host.ResponseUrl));

        // The handler is still parked on its gate: the ack cannot have waited for it.
        await AssertEmpty200(response);
        Assert.False(host.Calls.SlowHandlerFinished.Task.IsCompleted);
        host.Calls.ReleaseSlowHandler.SetResult();
        using var late = JsonDocument.Parse(await host.NextResponseUrlPostAsync());
        Assert.Equal("in_channel", late.RootElement.GetProperty("response_type").GetString());
        Assert.Equal("finished late", late.RootElement.GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("", "opened")]
    [InlineData("fail", "The form didn't open")]
    public async Task Work_after_the_ack_runs_once_the_ack_is_sent_and_what_it_says_goes_to_the_response_url(string text, string told)
    {
        await using var host = await SlackReceiverHost.StartAsync();

        var response = await host.PostFormAsync("/slack/commands", CommandForm("/then", host.ResponseUrl, text));

        // Acked while the follow-up is still parked on its gate, long before the 10 s budget.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("opening", (await JsonOf(response)).GetProperty("text").GetString());
        Assert.False(host.Calls.SlowHandlerFinished.Task.IsCompleted);
        host.Calls.ReleaseSlowHandler.SetResult();
        using var after = JsonDocument.Parse(await host.NextResponseUrlPostAsync());
        Assert.Equal("ephemeral", after.RootElement.GetProperty("response_type").GetString());
        Assert.Equal(told, after.RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Shutdown_waits_for_a_handler_still_running_after_its_ack()
    {
        var host = await SlackReceiverHost.StartAsync(ackBudget: TimeSpan.FromMilliseconds(100));
        await using var _ = host;
        await AssertEmpty200(await host.PostFormAsync("/slack/commands", CommandForm("/slow", host.ResponseUrl)));

        var stopping = host.StopAsync();
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.False(stopping.IsCompleted, "the host stopped while a handler was still running");
        host.Calls.ReleaseSlowHandler.SetResult();
        await stopping.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(host.Calls.SlowHandlerFinished.Task.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Two_handlers_for_one_route_fail_the_start_naming_the_route()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddSlackReceivers();
        builder.Services.AddSingleton<HandlerCalls>();
        builder.Services.AddSlackHandler<WeeklyUpdateCommand>().AddSlackHandler<SecondWeeklyUpdateCommand>();
        await using var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapSlackReceivers());

        Assert.Contains("'/weekly-update'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mapping_without_registration_says_what_to_call()
    {
        await using var app = WebApplication.CreateSlimBuilder().Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapSlackReceivers());

        Assert.Contains("AddSlackReceivers", error.Message, StringComparison.Ordinal);
    }
}
