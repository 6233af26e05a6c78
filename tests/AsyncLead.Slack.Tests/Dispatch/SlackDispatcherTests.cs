using System.Text.Json;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;
using AsyncLead.Slack.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AsyncLead.Slack.Tests.Dispatch;

public sealed class SlackDispatcherTests : IDisposable
{
    private readonly ServiceProvider _services = SlackTestServices.Build(SlackTestServices.AddAllHandlers);

    private SlackDispatcher Dispatcher => _services.GetRequiredService<SlackDispatcher>();

    private HandlerCalls Calls => _services.GetRequiredService<HandlerCalls>();

    public void Dispose() => _services.Dispose();

    private static SlashCommand Command(string command, string text = "") => new()
    {
        Command = command, Text = text, TeamId = "T0AL5LEAD", ChannelId = "C0AL5TEAM", UserId = "U0AL5ALICE",
        ResponseUrl = "https://hooks.slack.com/commands/T0AL5LEAD/1/x", TriggerId = "1.2.3",
    };

    private static InteractionPayload Interaction(string fixture) =>
        SlackPayloadParser.ParseInteraction(Fixture.InteractionForm(fixture)).Value!;

    private static EventCallbackPayload Event(string fixture) =>
        (EventCallbackPayload)SlackPayloadParser.ParseEvents(Fixture.Bytes(fixture)).Value!;

    [Fact]
    public async Task Command_reaches_its_handler_with_context_and_returns_its_ack()
    {
        var ack = await Dispatcher.DispatchCommandAsync(Command("/weekly-update", "done"));

        var message = Assert.IsType<MessageAck>(ack);
        Assert.Equal("Saved: done", message.Text);
        var call = Assert.Single(Calls.To("/weekly-update"));
        Assert.Equal("U0AL5ALICE", call.Context.UserId);
        Assert.Equal("C0AL5TEAM", call.Context.ChannelId);
        Assert.Equal("T0AL5LEAD", call.Context.TeamId);
        Assert.Equal("1.2.3", call.Context.TriggerId);
    }

    [Fact]
    public async Task Unknown_command_is_acked_empty()
    {
        var ack = await Dispatcher.DispatchCommandAsync(Command("/nobody-home"));

        Assert.Same(SlackAck.Empty, ack);
        Assert.Empty(Calls.All);
    }

    [Fact]
    public async Task Failing_command_is_acked_with_a_polite_ephemeral_apology()
    {
        var ack = await Dispatcher.DispatchCommandAsync(Command("/explode"));

        var message = Assert.IsType<MessageAck>(ack);
        Assert.Equal(MessageAck.EphemeralType, message.ResponseType);
        Assert.StartsWith("Something went wrong", message.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("fire", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failing_view_submission_keeps_the_modal_open_with_the_reason_under_its_first_input()
    {
        var ack = await Dispatcher.DispatchInteractionAsync(Interaction("view_submission_all_values.json"));

        // An empty ack would close the modal as if it had been saved.
        var errors = Assert.IsType<ViewResponseAck>(ack);
        Assert.Equal("errors", errors.ResponseAction);
        var (blockId, message) = Assert.Single(errors.Errors!);
        Assert.Equal("title", blockId);
        Assert.StartsWith("Something went wrong on our side and this wasn't saved", message, StringComparison.Ordinal);
        Assert.Single(Calls.To("view_submission decision.submit"));
    }

    [Fact]
    public async Task Every_routed_action_in_a_block_actions_payload_is_dispatched_even_after_one_fails()
    {
        var ack = await Dispatcher.DispatchInteractionAsync(Interaction("block_actions_view_multi.json"));
        await _services.GetRequiredService<InFlightHandlers>().WhenIdleAsync(CancellationToken.None);

        Assert.Same(SlackAck.Empty, ack);
        Assert.Equal(["decision.approve", "decision.stance"], Calls.All.Select(call => call.Route));
        var stance = Assert.IsType<BlockAction>(Calls.To("decision.stance")[0].Payload);
        Assert.Equal("concern", stance.SelectedOption?.Value);
        Assert.Equal("U0AL5BOB", Calls.All[0].Context.UserId);
    }

    [Fact]
    public async Task A_block_action_is_acked_before_its_handler_runs()
    {
        using var services = SlackTestServices.Build(s => s.AddSlackHandler<SlowAction>());
        var calls = services.GetRequiredService<HandlerCalls>();

        var ack = await services.GetRequiredService<SlackDispatcher>().DispatchInteractionAsync(Interaction("block_actions_message.json"));

        // Slack ignores the body of a block_actions ack: nothing the handler does (views.open…) holds it up.
        Assert.Same(SlackAck.Empty, ack);
        Assert.False(calls.SlowHandlerFinished.Task.IsCompleted);
        calls.ReleaseSlowHandler.SetResult();
        await calls.SlowHandlerFinished.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Block_action_context_carries_channel_and_response_url()
    {
        await Dispatcher.DispatchInteractionAsync(Interaction("block_actions_message.json"));
        await _services.GetRequiredService<InFlightHandlers>().WhenIdleAsync(CancellationToken.None);

        var call = Assert.Single(Calls.To("weekly-update.open"));
        Assert.Equal("C0AL5TEAM", call.Context.ChannelId);
        Assert.Equal("https://hooks.slack.com/actions/T0AL5LEAD/7103/xRespUrl03", call.Context.ResponseUrl);
        Assert.Equal("7101.7102.f00dfeed03", call.Context.TriggerId);
    }

    [Fact]
    public async Task View_submission_returns_the_handlers_response_action()
    {
        var ack = await Dispatcher.DispatchInteractionAsync(Interaction("view_submission.json"));

        var errors = Assert.IsType<ViewResponseAck>(ack);
        Assert.Equal("errors", errors.ResponseAction);
        Assert.Equal("E0AL5ORG1", Assert.Single(Calls.All).Context.EnterpriseId);
    }

    [Fact]
    public async Task Org_install_interaction_context_falls_back_to_the_users_team_and_the_enterprise()
    {
        using var services = SlackTestServices.Build(s => s.AddSlackHandler<ExplodingDecisionModal>());
        await services.GetRequiredService<SlackDispatcher>().DispatchInteractionAsync(Interaction("view_submission_org.json"));

        var context = Assert.Single(services.GetRequiredService<HandlerCalls>().All).Context;
        Assert.Equal("T0AL5LEAD", context.TeamId);
        Assert.Equal("E0AL5ORG1", context.EnterpriseId);
        Assert.True(context.IsEnterpriseInstall);
    }

    [Theory]
    [InlineData("view_closed.json", "view_closed weekly-update.submit")]
    [InlineData("shortcut_global.json", "shortcut decision.new")]
    [InlineData("shortcut_message.json", "shortcut decision.from-message")]
    public async Task Other_interactions_reach_their_handler_and_are_acked_empty(string fixture, string route)
    {
        var ack = await Dispatcher.DispatchInteractionAsync(Interaction(fixture));

        Assert.Same(SlackAck.Empty, ack);
        Assert.Single(Calls.To(route));
    }

    [Fact]
    public async Task Block_suggestion_and_unknown_interactions_are_acked_empty_without_dispatch()
    {
        var suggestion = await Dispatcher.DispatchInteractionAsync(Interaction("block_suggestion.json"));
        var unknown = await Dispatcher.DispatchInteractionAsync(new UnknownInteraction { Type = "brand_new", User = new SlackUser { Id = "U1" } });

        Assert.Same(SlackAck.Empty, suggestion);
        Assert.Same(SlackAck.Empty, unknown);
        Assert.Empty(Calls.All);
    }

    [Fact]
    public async Task Event_is_dispatched_once_per_event_id_and_retry_markers_reach_the_context()
    {
        var first = await Dispatcher.DispatchEventAsync(Event("event_message_thread_reply.json"), null, null, CancellationToken.None);
        var retry = await Dispatcher.DispatchEventAsync(Event("event_message_thread_reply.json"), 1, "http_timeout", CancellationToken.None);

        Assert.Same(SlackAck.Empty, first);
        Assert.Same(SlackAck.Empty, retry);
        var call = Assert.Single(Calls.To("event message"));
        Assert.Null(call.Context.RetryNum);
        Assert.Equal("U0AL5BOB", call.Context.UserId);
        Assert.Equal("C0AL5TEAM", call.Context.ChannelId);
    }

    [Fact]
    public async Task A_first_delivery_that_is_a_retry_carries_the_retry_markers()
    {
        await Dispatcher.DispatchEventAsync(Event("event_app_home_opened.json"), 2, "http_error", CancellationToken.None);

        var call = Assert.Single(Calls.To("event app_home_opened"));
        Assert.Equal(2, call.Context.RetryNum);
        Assert.Equal("http_error", call.Context.RetryReason);
    }

    [Fact]
    public async Task Org_event_without_team_is_deduplicated_by_enterprise()
    {
        await Dispatcher.DispatchEventAsync(Event("event_tokens_revoked.json"), null, null, CancellationToken.None);
        await Dispatcher.DispatchEventAsync(Event("event_tokens_revoked.json"), 1, "http_timeout", CancellationToken.None);

        var call = Assert.Single(Calls.To("event tokens_revoked"));
        Assert.Null(call.Context.TeamId);
        Assert.Equal("E0AL5ORG1", call.Context.EnterpriseId);
    }

    [Fact]
    public async Task Unrouted_event_type_is_acked_without_dispatch()
    {
        var ack = await Dispatcher.DispatchEventAsync(Event("event_reaction_added.json"), null, null, CancellationToken.None);

        Assert.Same(SlackAck.Empty, ack);
        Assert.Empty(Calls.All);
    }

    [Fact]
    public async Task Overrunning_handler_is_acked_empty_and_keeps_running_to_completion()
    {
        using var services = SlackTestServices.Build(s => s.AddSlackHandler<SlowCommand>(), ackBudget: TimeSpan.FromMilliseconds(100));
        var calls = services.GetRequiredService<HandlerCalls>();
        var inFlight = services.GetRequiredService<InFlightHandlers>();

        var ack = await services.GetRequiredService<SlackDispatcher>().DispatchCommandAsync(Command("/slow") with { ResponseUrl = null });

        Assert.Same(SlackAck.Empty, ack);
        Assert.False(calls.SlowHandlerFinished.Task.IsCompleted);
        Assert.True(inFlight.Count > 0);
        calls.ReleaseSlowHandler.SetResult();
        await calls.SlowHandlerFinished.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await inFlight.StopAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
        Assert.Equal(0, inFlight.Count);
    }

    [Fact]
    public void A_non_positive_ack_budget_is_refused()
    {
        using var services = SlackTestServices.Build(_ => { }, ackBudget: TimeSpan.Zero);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SlackDispatchOptions>>().Value);

        Assert.Contains("ack budget", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ack_bodies_are_slacks_json_shapes()
    {
        var blocks = JsonSerializer.SerializeToElement(new[] { new { type = "divider" } });
        var view = JsonSerializer.SerializeToElement(new { type = "modal", callback_id = "next" });

        Assert.Null(SlackAck.Empty.ToJsonBody());
        AssertJson("""{"response_type":"ephemeral","text":"hi"}""", SlackAck.Ephemeral("hi"));
        AssertJson("""{"response_type":"in_channel","text":"hi","blocks":[{"type":"divider"}]}""", SlackAck.InChannel("hi", blocks));
        AssertJson("""{"response_action":"errors","errors":{"due-date":"Pick a date in the future"}}""",
            SlackAck.ViewErrors(new Dictionary<string, string> { ["due-date"] = "Pick a date in the future" }));
        AssertJson("""{"response_action":"update","view":{"type":"modal","callback_id":"next"}}""", SlackAck.UpdateView(view));
        AssertJson("""{"response_action":"push","view":{"type":"modal","callback_id":"next"}}""", SlackAck.PushView(view));
        AssertJson("""{"response_action":"clear"}""", SlackAck.ClearViews());

        static void AssertJson(string expected, SlackAck ack) =>
            Assert.Equal(expected, System.Text.Encoding.UTF8.GetString(ack.ToJsonBody()!));
    }
}
