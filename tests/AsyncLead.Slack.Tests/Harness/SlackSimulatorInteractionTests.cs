using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AsyncLead.Sandbox.Simulation;

namespace AsyncLead.Slack.Tests.Harness;

/// <summary>What the simulator sends for commands, interactions and events, and how FakeSlack follows the bot's answers.</summary>
public sealed class SlackSimulatorInteractionTests : FakeSlackScene
{
    private readonly StandInBot _bot = new();
    private HttpClient? _botClient;
    private SlackSimulator? _simulator;

    private SlackSimulator Simulator => _simulator ??= new SlackSimulator(Slack, _botClient = new HttpClient(_bot) { BaseAddress = new Uri("http://bot.test/") }, "secret");

    private SlackUser Alice => Simulator.User("U_ALICE", "C_PAY");

    [Fact]
    public async Task Slash_command_carries_every_field_slack_sends()
    {
        await Alice.RunsCommandAsync("/weekly-update", "blockers: waiting on infra");

        var sent = _bot.Last;
        var form = sent.Form;
        Assert.Equal("/slack/commands", sent.Path);
        Assert.Equal("application/x-www-form-urlencoded", sent.Header("Content-Type"));
        Assert.Equal(RequestSigning.Sign("secret", Start.ToUnixTimeSeconds(), sent.Text), sent.Header("X-Slack-Signature"));
        Assert.Equal("T1", form["team_id"]);
        Assert.Equal("acme", form["team_domain"]);
        Assert.Equal("C_PAY", form["channel_id"]);
        Assert.Equal("team-payments", form["channel_name"]);
        Assert.Equal("U_ALICE", form["user_id"]);
        Assert.Equal("alice", form["user_name"]);
        Assert.Equal("/weekly-update", form["command"]);
        Assert.Equal("blockers: waiting on infra", form["text"]);
        Assert.Equal(Slack.AppId, form["api_app_id"]);
        Assert.Equal("false", form["is_enterprise_install"]);
        Assert.Equal(Slack.VerificationToken, form["token"]);
        Assert.StartsWith(Slack.BaseAddress + "response_url/", form["response_url"], StringComparison.Ordinal);
        Assert.Matches(@"^\d+\.\d+\.[0-9a-f]{32}$", form["trigger_id"]);
        Assert.Contains("command=%2Fweekly-update", sent.Text, StringComparison.Ordinal);
        Assert.Contains("text=blockers%3A+waiting+on+infra", sent.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_from_the_dm_names_the_channel_directmessage()
    {
        await Simulator.User("U_BOB").RunsCommandAsync("/decision");

        Assert.StartsWith("D", _bot.Last.Form["channel_id"], StringComparison.Ordinal);
        Assert.Equal("directmessage", _bot.Last.Form["channel_name"]);
    }

    [Fact]
    public async Task Commands_trigger_id_opens_a_view_and_its_response_url_is_recorded()
    {
        await Alice.RunsCommandAsync("/weekly-update");
        var form = _bot.Last.Form;

        var opened = await CallAsync("views.open", new JsonObject { ["trigger_id"] = form["trigger_id"], ["view"] = UpdateModal() });
        using var posted = await Http.PostAsync(form["response_url"], new StringContent("{\"text\":\"Saved\",\"response_type\":\"in_channel\"}", Encoding.UTF8, "application/json"));

        Assert.True(opened.Ok, opened.Body);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var post = Assert.Single(Slack.ResponseUrlPosts());
        Assert.Equal("Saved", post.Text);
        Assert.Equal("in_channel", post.ResponseType);
        Assert.Equal("Saved", Assert.Single(Slack.Messages("C_PAY")).Text);
    }

    [Fact]
    public async Task Response_url_takes_five_posts_within_thirty_minutes()
    {
        await Alice.RunsCommandAsync("/weekly-update");
        var url = _bot.Last.Form["response_url"];
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var answer = await Http.PostAsync(url, new StringContent($"{{\"text\":\"note {i}\"}}", Encoding.UTF8, "application/json"));
            statuses.Add(answer.StatusCode);
        }

        await Alice.RunsCommandAsync("/weekly-update");
        Clock.Advance(TimeSpan.FromMinutes(30).Add(TimeSpan.FromSeconds(1)));
        using var late = await Http.PostAsync(_bot.Last.Form["response_url"], new StringContent("{\"text\":\"late\"}", Encoding.UTF8, "application/json"));

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 5), HttpStatusCode.NotFound], statuses);
        Assert.Equal(5, Slack.Ephemerals("C_PAY", "U_ALICE").Count);
        Assert.Equal(HttpStatusCode.NotFound, late.StatusCode);
    }

    [Fact]
    public async Task View_submission_is_built_from_the_view_the_bot_opened()
    {
        await OpenForAliceAsync(EveryInputModal());

        await Alice.SubmitsViewAsync(
            ("Completed", "Shipped the payouts API\nFixed flaky test"),
            ("due", new DateOnly(2025, 11, 21)),
            ("standup_time", new TimeOnly(9, 30)),
            ("Deadline", new DateTimeOffset(2025, 11, 21, 16, 0, 0, TimeSpan.Zero)),
            ("reviewer", "U_BOB"),
            ("reviewers", new[] { "U_ALICE", "U_BOB" }),
            ("Status", "At risk"),
            ("areas", new[] { "api", "infra" }),
            ("answer", "approve"),
            ("channel", "C_PAY"),
            ("hours", 12.5),
            ("notes_rich", "Rich notes"));

        var payload = InteractionPayload(_bot.Last);
        var view = payload["view"]!.AsObject();
        var values = view["state"]!["values"]!.AsObject();
        var opened = Slack.LastViewOpenedFor("U_ALICE")!;
        Assert.Equal("view_submission", payload["type"]!.GetValue<string>());
        Assert.Equal("U_ALICE", payload["user"]!["id"]!.GetValue<string>());
        Assert.Equal("T1", payload["team"]!["id"]!.GetValue<string>());
        Assert.Equal(opened.Id, view["id"]!.GetValue<string>());
        Assert.Equal(opened.Hash, view["hash"]!.GetValue<string>());
        Assert.Equal("weekly_update", view["callback_id"]!.GetValue<string>());
        Assert.Equal("C_PAY", view["private_metadata"]!.GetValue<string>());
        Assert.Empty(payload["response_urls"]!.AsArray());

        Assert.Equal(14, values.Count);
        Assert.DoesNotContain("intro", values.Select(v => v.Key));
        Assert.Equal("Shipped the payouts API\nFixed flaky test", State(values, "done", "text")["value"]!.GetValue<string>());
        Assert.Equal("plain_text_input", State(values, "done", "text")["type"]!.GetValue<string>());
        Assert.Equal("2025-11-21", State(values, "due", "date")["selected_date"]!.GetValue<string>());
        Assert.Equal("09:30", State(values, "standup_time", "time")["selected_time"]!.GetValue<string>());
        Assert.Equal("Europe/Berlin", State(values, "standup_time", "time")["timezone"]!.GetValue<string>());
        Assert.Equal(1763740800, State(values, "deadline", "when")["selected_date_time"]!.GetValue<long>());
        Assert.Equal("U_BOB", State(values, "reviewer", "who")["selected_user"]!.GetValue<string>());
        Assert.Equal(["U_ALICE", "U_BOB"], State(values, "reviewers", "whom")["selected_users"]!.AsArray().Select(u => u!.GetValue<string>()));
        Assert.Equal("at_risk", State(values, "status", "pick")["selected_option"]!["value"]!.GetValue<string>());
        Assert.Equal("At risk", State(values, "status", "pick")["selected_option"]!["text"]!["text"]!.GetValue<string>());
        Assert.Equal(["api", "infra"], State(values, "areas", "boxes")["selected_options"]!.AsArray().Select(o => o!["value"]!.GetValue<string>()));
        Assert.Equal("approve", State(values, "answer", "radio")["selected_option"]!["value"]!.GetValue<string>());
        Assert.Equal("C_PAY", State(values, "channel", "where")["selected_conversation"]!.GetValue<string>());
        Assert.Equal("12.5", State(values, "hours", "number")["value"]!.GetValue<string>());
        Assert.Equal("rich_text", State(values, "notes_rich", "rich")["rich_text_value"]!["type"]!.GetValue<string>());
        Assert.Null(State(values, "notes", "optional_text")["value"]);
        Assert.Equal("https://example.com/pr/1", State(values, "link", "url")["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Submitting_names_that_are_not_in_the_view_or_empty_required_inputs_is_refused()
    {
        await OpenForAliceAsync(UpdateModal());

        var unknown = await Assert.ThrowsAsync<InvalidOperationException>(() => Alice.SubmitsViewAsync(("Blockers", "none")));
        var empty = await Assert.ThrowsAsync<InvalidOperationException>(() => Alice.SubmitsViewAsync());

        Assert.Contains("done/text \"Completed\"", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("required", empty.Message, StringComparison.Ordinal);
        Assert.Empty(_bot.Received);
    }

    [Fact]
    public async Task Empty_ack_closes_the_modal()
    {
        await OpenForAliceAsync(UpdateModal());

        var response = await Alice.SubmitsViewAsync(("Completed", "done"));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Null(Slack.OpenModalFor("U_ALICE"));
    }

    [Fact]
    public async Task Errors_ack_keeps_the_modal_open_and_must_name_input_blocks()
    {
        await OpenForAliceAsync(UpdateModal());
        _bot.Answer = _ => Json("{\"response_action\":\"errors\",\"errors\":{\"done\":\"Say what you finished\"}}");

        var response = await Alice.SubmitsViewAsync(("Completed", "x"));
        _bot.Answer = _ => Json("{\"response_action\":\"errors\",\"errors\":{\"nonexistent\":\"?\"}}");
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => Alice.SubmitsViewAsync(("Completed", "x")));

        Assert.Equal("errors", response.Json!["response_action"]!.GetValue<string>());
        Assert.NotNull(Slack.OpenModalFor("U_ALICE"));
        Assert.Contains("nonexistent", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_ack_replaces_the_modal_and_push_ack_stacks_a_new_one()
    {
        await OpenForAliceAsync(UpdateModal());
        var thanks = new JsonObject { ["type"] = "modal", ["title"] = PlainText("Thanks"), ["blocks"] = new JsonArray(Section("Posted to the thread")) };
        _bot.Answer = _ => Json(new JsonObject { ["response_action"] = "update", ["view"] = thanks.DeepClone() }.ToJsonString());

        await Alice.SubmitsViewAsync(("Completed", "x"));
        var updated = Slack.OpenModalFor("U_ALICE")!;
        var next = new JsonObject { ["type"] = "modal", ["title"] = PlainText("Next"), ["blocks"] = new JsonArray(Section("One more thing")) };
        _bot.Answer = _ => Json(new JsonObject { ["response_action"] = "push", ["view"] = next.DeepClone() }.ToJsonString());
        await Alice.SubmitsViewAsync();
        var pushed = Slack.OpenModalFor("U_ALICE")!;

        Assert.Contains("Posted to the thread", updated.VisibleText, StringComparison.Ordinal);
        Assert.Contains("One more thing", pushed.VisibleText, StringComparison.Ordinal);
        Assert.Equal(updated.Id, pushed.Json["previous_view_id"]!.GetValue<string>());
        Assert.Equal(pushed.Id, Slack.LastViewOpenedFor("U_ALICE")!.Id);
    }

    [Fact]
    public async Task Invalid_view_in_an_ack_is_reported_as_slack_would_show_an_error()
    {
        await OpenForAliceAsync(UpdateModal());
        _bot.Answer = _ => Json("{\"response_action\":\"push\",\"view\":{\"type\":\"modal\",\"title\":{\"type\":\"plain_text\",\"text\":\"A title much longer than the limit\"},\"blocks\":[]}}");

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => Alice.SubmitsViewAsync(("Completed", "x")));

        Assert.Contains("/view/title/text", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closing_a_view_tells_the_bot_only_when_it_asked()
    {
        var quiet = UpdateModal();
        await OpenForAliceAsync(quiet);
        var unnoticed = await Alice.ClosesViewAsync();

        var noisy = UpdateModal();
        noisy["notify_on_close"] = true;
        await OpenForAliceAsync(noisy);
        var noticed = await Alice.ClosesViewAsync();

        Assert.Null(unnoticed);
        Assert.NotNull(noticed);
        var payload = InteractionPayload(Assert.Single(_bot.Received));
        Assert.Equal("view_closed", payload["type"]!.GetValue<string>());
        Assert.False(payload["is_cleared"]!.GetValue<bool>());
        Assert.Null(Slack.OpenModalFor("U_ALICE"));
    }

    [Fact]
    public async Task Clicking_a_button_on_a_message_sends_block_actions_and_its_response_url_can_replace_the_message()
    {
        var posted = await CallAsync("chat.postMessage", new JsonObject
        {
            ["channel"] = "C_PAY",
            ["text"] = "Decision: adopt Postgres 17?",
            ["blocks"] = new JsonArray(
                Section("Decision: adopt Postgres 17?"),
                new JsonObject
                {
                    ["type"] = "actions",
                    ["block_id"] = "respond",
                    ["elements"] = new JsonArray(new JsonObject { ["type"] = "button", ["action_id"] = "approve", ["value"] = "D-12", ["text"] = PlainText("Approve") }),
                }),
        });
        var message = Slack.Messages("C_PAY").Single(m => m.Ts == posted.Str("ts"));

        await Alice.ClicksAsync(message, "approve");
        var payload = InteractionPayload(_bot.Last);
        using var replaced = await Http.PostAsync(payload["response_url"]!.GetValue<string>(), new StringContent("{\"replace_original\":true,\"text\":\"Approved by alice\"}", Encoding.UTF8, "application/json"));

        Assert.Equal("block_actions", payload["type"]!.GetValue<string>());
        Assert.Equal("message", payload["container"]!["type"]!.GetValue<string>());
        Assert.Equal(message.Ts, payload["container"]!["message_ts"]!.GetValue<string>());
        Assert.Equal("C_PAY", payload["channel"]!["id"]!.GetValue<string>());
        var action = payload["actions"]![0]!;
        Assert.Equal("button", action["type"]!.GetValue<string>());
        Assert.Equal("approve", action["action_id"]!.GetValue<string>());
        Assert.Equal("respond", action["block_id"]!.GetValue<string>());
        Assert.Equal("D-12", action["value"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(payload["trigger_id"]!.GetValue<string>()));
        Assert.Equal("Approved by alice", Slack.Messages("C_PAY").Single().Text);
    }

    [Fact]
    public async Task Clicking_a_button_in_an_ephemeral_message_says_so_and_its_response_url_swaps_or_deletes_it_for_that_person_only()
    {
        var posted = await CallAsync("chat.postEphemeral", new JsonObject
        {
            ["channel"] = "C_PAY",
            ["user"] = "U_ALICE",
            ["text"] = "Not set up yet",
            ["blocks"] = new JsonArray(
                Section("Not set up yet"),
                new JsonObject
                {
                    ["type"] = "actions",
                    ["elements"] = new JsonArray(new JsonObject { ["type"] = "button", ["action_id"] = "open_setup", ["text"] = PlainText("Set up") }),
                }),
        });
        var ephemeral = Slack.Ephemerals("C_PAY", "U_ALICE").Single(m => m.Ts == posted.Str("message_ts"));
        Assert.Equal("U_ALICE", ephemeral.VisibleTo);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Simulator.User("U_BOB", "C_PAY").ClicksAsync(ephemeral, "open_setup"));
        await Alice.ClicksAsync(ephemeral, "open_setup");
        var payload = InteractionPayload(_bot.Last);
        Assert.Equal("block_actions", payload["type"]!.GetValue<string>());
        Assert.Equal("message", payload["container"]!["type"]!.GetValue<string>());
        Assert.True(payload["container"]!["is_ephemeral"]!.GetValue<bool>());
        Assert.Equal(ephemeral.Ts, payload["container"]!["message_ts"]!.GetValue<string>());
        Assert.Equal("C_PAY", payload["container"]!["channel_id"]!.GetValue<string>());
        Assert.Equal("open_setup", payload["actions"]![0]!["action_id"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(payload["actions"]![0]!["block_id"]?.GetValue<string>()));

        var url = payload["response_url"]!.GetValue<string>();
        using var replaced = await Http.PostAsync(url, new StringContent("{\"replace_original\":true,\"text\":\"Opening setup\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var swapped = Assert.Single(Slack.Ephemerals("C_PAY", "U_ALICE"));
        Assert.Equal("Opening setup", swapped.Text);
        Assert.False(swapped.Edited);
        Assert.Empty(Slack.Messages("C_PAY"));

        using var deleted = await Http.PostAsync(url, new StringContent("{\"delete_original\":true}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Empty(Slack.Ephemerals("C_PAY", "U_ALICE"));
    }

    [Fact]
    public async Task Picking_in_a_view_sends_block_actions_with_the_view_and_its_state()
    {
        await OpenForAliceAsync(EveryInputModal());
        var view = Slack.OpenModalFor("U_ALICE")!;

        await Alice.PicksAsync(view, "pick", "on_track");

        var payload = InteractionPayload(_bot.Last);
        Assert.Equal("view", payload["container"]!["type"]!.GetValue<string>());
        Assert.Equal(view.Id, payload["container"]!["view_id"]!.GetValue<string>());
        Assert.Equal("on_track", payload["actions"]![0]!["selected_option"]!["value"]!.GetValue<string>());
        Assert.Equal("static_select", payload["actions"]![0]!["type"]!.GetValue<string>());
        Assert.NotNull(payload["view"]!["state"]!["values"]!["done"]);
        Assert.Null(payload["response_url"]);
    }

    [Fact]
    public async Task Unknown_action_id_is_refused_before_anything_is_sent()
    {
        var message = Slack.AddMessage("C_PAY", "U_BOB", "no buttons here");

        await Assert.ThrowsAsync<InvalidOperationException>(() => Alice.ClicksAsync(message, "approve"));
        Assert.Empty(_bot.Received);
    }

    [Fact]
    public async Task Events_come_in_an_event_callback_envelope_and_redeliveries_keep_the_event_id()
    {
        var callback = Simulator.EventCallback(new JsonObject { ["type"] = "app_mention", ["user"] = "U_ALICE", ["text"] = "hi", ["channel"] = "C_PAY" }, "T1");

        await Simulator.SendEventAsync(callback);
        var first = _bot.Last;
        await Simulator.SendEventAsync(callback, retryNum: 1, retryReason: "http_timeout");
        var retry = _bot.Last;

        var body = JsonNode.Parse(first.Text)!;
        Assert.Equal("/slack/events", first.Path);
        Assert.Equal("application/json", first.Header("Content-Type"));
        Assert.Equal("event_callback", body["type"]!.GetValue<string>());
        Assert.StartsWith("Ev", body["event_id"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(Start.ToUnixTimeSeconds(), body["event_time"]!.GetValue<long>());
        Assert.Equal(Slack.Workspace("T1").BotUserId, body["authorizations"]![0]!["user_id"]!.GetValue<string>());
        Assert.NotNull(body["event"]!["event_ts"]);
        Assert.Null(first.Header("X-Slack-Retry-Num"));
        Assert.Equal("1", retry.Header("X-Slack-Retry-Num"));
        Assert.Equal("http_timeout", retry.Header("X-Slack-Retry-Reason"));
        Assert.Equal(body["event_id"]!.GetValue<string>(), JsonNode.Parse(retry.Text)!["event_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Opening_app_home_sends_app_home_opened_with_the_published_view()
    {
        await CallAsync("views.publish", new JsonObject { ["user_id"] = "U_ALICE", ["view"] = new JsonObject { ["type"] = "home", ["blocks"] = new JsonArray(Section("Your week")) } });

        await Alice.OpensAppHomeAsync();

        var @event = JsonNode.Parse(_bot.Last.Text)!["event"]!;
        Assert.Equal("app_home_opened", @event["type"]!.GetValue<string>());
        Assert.Equal("home", @event["tab"]!.GetValue<string>());
        Assert.StartsWith("D", @event["channel"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(Slack.PublishedHome("U_ALICE")!.Hash, @event["view"]!["hash"]!.GetValue<string>());
    }

    [Fact]
    public async Task Url_verification_and_ssl_check_look_like_slacks()
    {
        _bot.Answer = _ => Json("{\"challenge\":\"3eZbrw1a\"}");
        var verified = await Simulator.SendUrlVerificationAsync("3eZbrw1a");
        var verification = _bot.Last;
        _bot.Answer = _ => new HttpResponseMessage(HttpStatusCode.OK);
        await Simulator.SendSslCheckAsync();
        var sslCheck = _bot.Last;

        Assert.Equal("url_verification", JsonNode.Parse(verification.Text)!["type"]!.GetValue<string>());
        Assert.NotNull(verification.Header("X-Slack-Signature"));
        Assert.Equal("3eZbrw1a", verified.Json!["challenge"]!.GetValue<string>());
        Assert.Equal("application/json", verified.ContentType);
        Assert.Equal("1", sslCheck.Form["ssl_check"]);
        Assert.Equal(Slack.VerificationToken, sslCheck.Form["token"]);
        Assert.Null(sslCheck.Header("X-Slack-Signature"));
    }

    [Fact]
    public async Task Global_shortcut_carries_callback_id_and_a_live_trigger_id()
    {
        await Alice.UsesShortcutAsync("new_decision");

        var payload = InteractionPayload(_bot.Last);
        var opened = await CallAsync("views.open", new JsonObject { ["trigger_id"] = payload["trigger_id"]!.GetValue<string>(), ["view"] = UpdateModal() });
        Assert.Equal("shortcut", payload["type"]!.GetValue<string>());
        Assert.Equal("new_decision", payload["callback_id"]!.GetValue<string>());
        Assert.True(opened.Ok, opened.Body);
    }

    [Fact]
    public async Task Message_shortcut_carries_the_message_and_a_response_url()
    {
        var message = Slack.AddMessage("C_PAY", "U_BOB", "We should switch queues");

        await Alice.UsesShortcutAsync(message, "make_decision");

        var payload = InteractionPayload(_bot.Last);
        Assert.Equal("message_action", payload["type"]!.GetValue<string>());
        Assert.Equal("make_decision", payload["callback_id"]!.GetValue<string>());
        Assert.Equal(message.Ts, payload["message_ts"]!.GetValue<string>());
        Assert.Equal("We should switch queues", payload["message"]!["text"]!.GetValue<string>());
        Assert.Equal("C_PAY", payload["channel"]!["id"]!.GetValue<string>());
        Assert.StartsWith(Slack.BaseAddress.ToString(), payload["response_url"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private async Task OpenForAliceAsync(JsonObject view)
    {
        var opened = await CallAsync("views.open", new JsonObject { ["trigger_id"] = Slack.IssueTriggerId("U_ALICE"), ["view"] = view });
        Assert.True(opened.Ok, opened.Body);
    }

    private static JsonObject UpdateModal() =>
        Modal(Input("done", "Completed", new JsonObject { ["type"] = "plain_text_input", ["action_id"] = "text", ["multiline"] = true }));

    private static JsonObject EveryInputModal()
    {
        var intro = Section("Tell the team how your week went.");
        intro["block_id"] = "intro";
        var optional = Input("notes", "Notes", new JsonObject { ["type"] = "plain_text_input", ["action_id"] = "optional_text" });
        optional["optional"] = true;
        return Modal(
            intro,
            Input("done", "Completed", new JsonObject { ["type"] = "plain_text_input", ["action_id"] = "text", ["multiline"] = true }),
            Input("due", "Due date", new JsonObject { ["type"] = "datepicker", ["action_id"] = "date" }),
            Input("standup_time", "Stand-up time", new JsonObject { ["type"] = "timepicker", ["action_id"] = "time", ["timezone"] = "Europe/Berlin" }),
            Input("deadline", "Deadline", new JsonObject { ["type"] = "datetimepicker", ["action_id"] = "when" }),
            Input("reviewer", "Lead reviewer", new JsonObject { ["type"] = "users_select", ["action_id"] = "who" }),
            Input("reviewers", "Reviewers", new JsonObject { ["type"] = "multi_users_select", ["action_id"] = "whom" }),
            Input("status", "Status", new JsonObject
            {
                ["type"] = "static_select",
                ["action_id"] = "pick",
                ["options"] = new JsonArray(Option("On track", "on_track"), Option("At risk", "at_risk")),
            }),
            Input("areas", "Areas", new JsonObject
            {
                ["type"] = "checkboxes",
                ["action_id"] = "boxes",
                ["options"] = new JsonArray(Option("API", "api"), Option("Infra", "infra"), Option("Docs", "docs")),
            }),
            Input("answer", "Your answer", new JsonObject
            {
                ["type"] = "radio_buttons",
                ["action_id"] = "radio",
                ["options"] = new JsonArray(Option("Approve", "approve"), Option("Concern", "concern")),
            }),
            Input("channel", "Post in", new JsonObject { ["type"] = "conversations_select", ["action_id"] = "where" }),
            Input("hours", "Hours", new JsonObject { ["type"] = "number_input", ["action_id"] = "number", ["is_decimal_allowed"] = true }),
            Input("notes_rich", "Details", new JsonObject { ["type"] = "rich_text_input", ["action_id"] = "rich" }),
            Input("link", "Link", new JsonObject { ["type"] = "url_text_input", ["action_id"] = "url", ["initial_value"] = "https://example.com/pr/1" }),
            optional);
    }

    private static JsonObject Option(string text, string value) => new() { ["text"] = PlainText(text), ["value"] = value };

    private static JsonObject State(JsonObject values, string blockId, string actionId) => values[blockId]![actionId]!.AsObject();

    private static JsonObject InteractionPayload(ReceivedRequest request)
    {
        Assert.Equal("/slack/interactions", request.Path);
        Assert.Equal(["payload"], request.Form.Keys);
        return JsonNode.Parse(request.Form["payload"])!.AsObject();
    }

    private static HttpResponseMessage Json(string body) => new(HttpStatusCode.OK)
    {
        Content = new StringContent(body, Encoding.UTF8, "application/json"),
    };

    public override async Task DisposeAsync()
    {
        _botClient?.Dispose();
        _bot.Dispose();
        await base.DisposeAsync();
    }
}
