using System.Collections.Concurrent;
using System.Text.Json;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;

namespace AsyncLead.Slack.Tests.Dispatch;

// The app side of the seam: handlers as a feature would write them, recording what reached them.

internal sealed record HandlerCall(string Route, object Payload, SlackContext Context);

internal sealed class HandlerCalls
{
    private readonly ConcurrentQueue<HandlerCall> _calls = new();

    /// <summary>Released by a test to let <see cref="SlowCommand"/> finish.</summary>
    public TaskCompletionSource ReleaseSlowHandler { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource SlowHandlerStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource SlowHandlerFinished { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<HandlerCall> All => [.. _calls];

    public IReadOnlyList<HandlerCall> To(string route) => [.. _calls.Where(call => call.Route == route)];

    public void Record(string route, object payload, SlackContext context) => _calls.Enqueue(new HandlerCall(route, payload, context));
}

internal sealed class WeeklyUpdateCommand(HandlerCalls calls) : ISlashCommandHandler
{
    public string Command => "/weekly-update";

    public Task<SlackAck> HandleAsync(SlashCommand command, SlackContext context, CancellationToken ct)
    {
        calls.Record(Command, command, context);
        var blocks = JsonSerializer.SerializeToElement(new[] { new { type = "section", text = new { type = "mrkdwn", text = "*Saved*" } } });
        return Task.FromResult<SlackAck>(SlackAck.Ephemeral($"Saved: {command.Text}", blocks));
    }
}

internal sealed class DecisionCommand(HandlerCalls calls) : ISlashCommandHandler
{
    public string Command => "/decision";

    public Task<SlackAck> HandleAsync(SlashCommand command, SlackContext context, CancellationToken ct)
    {
        calls.Record(Command, command, context);
        return Task.FromResult(SlackAck.Empty);
    }
}

internal sealed class ExplodingCommand(HandlerCalls calls) : ISlashCommandHandler
{
    public string Command => "/explode";

    public Task<SlackAck> HandleAsync(SlashCommand command, SlackContext context, CancellationToken ct)
    {
        calls.Record(Command, command, context);
        throw new InvalidOperationException("database is on fire");
    }
}

internal sealed class SlowCommand(HandlerCalls calls) : ISlashCommandHandler
{
    public string Command => "/slow";

    public async Task<SlackAck> HandleAsync(SlashCommand command, SlackContext context, CancellationToken ct)
    {
        calls.Record(Command, command, context);
        calls.SlowHandlerStarted.TrySetResult();
        await calls.ReleaseSlowHandler.Task.WaitAsync(ct);
        calls.SlowHandlerFinished.TrySetResult();
        return SlackAck.InChannel("finished late");
    }
}

/// <summary>Acks at once, then waits on the slow-handler gate; <c>/then fail</c> fails after the ack.</summary>
internal sealed class AckThenCommand(HandlerCalls calls) : ISlashCommandHandler
{
    public string Command => "/then";

    public Task<SlackAck> HandleAsync(SlashCommand command, SlackContext context, CancellationToken ct)
    {
        calls.Record(Command, command, context);
        return Task.FromResult<SlackAck>(SlackAck.AckThen(SlackAck.Ephemeral("opening"), async followUpCt =>
        {
            await calls.ReleaseSlowHandler.Task.WaitAsync(followUpCt);
            calls.SlowHandlerFinished.TrySetResult();
            return command.Text == "fail" ? throw new InvalidOperationException("views.open: expired_trigger_id") : SlackAck.Ephemeral("opened");
        }, "The form didn't open"));
    }
}

internal sealed class OpenUpdateAction(HandlerCalls calls) : IBlockActionHandler
{
    public string ActionId => "weekly-update.open";

    public Task HandleAsync(BlockActionsPayload payload, BlockAction action, SlackContext context, CancellationToken ct)
    {
        calls.Record(ActionId, action, context);
        return Task.CompletedTask;
    }
}

/// <summary>The message button <c>weekly-update.open</c>, parked on the slow-handler gate.</summary>
internal sealed class SlowAction(HandlerCalls calls) : IBlockActionHandler
{
    public string ActionId => "weekly-update.open";

    public async Task HandleAsync(BlockActionsPayload payload, BlockAction action, SlackContext context, CancellationToken ct)
    {
        await calls.ReleaseSlowHandler.Task.WaitAsync(ct);
        calls.SlowHandlerFinished.TrySetResult();
    }
}

internal sealed class ApproveAction(HandlerCalls calls) : IBlockActionHandler
{
    public string ActionId => "decision.approve";

    public Task HandleAsync(BlockActionsPayload payload, BlockAction action, SlackContext context, CancellationToken ct)
    {
        calls.Record(ActionId, action, context);
        throw new InvalidOperationException("approve failed");
    }
}

internal sealed class StanceAction(HandlerCalls calls) : IBlockActionHandler
{
    public string ActionId => "decision.stance";

    public Task HandleAsync(BlockActionsPayload payload, BlockAction action, SlackContext context, CancellationToken ct)
    {
        calls.Record(ActionId, action, context);
        return Task.CompletedTask;
    }
}

/// <summary>One class owning a modal's submit and close, as a feature would.</summary>
internal sealed class WeeklyUpdateModal(HandlerCalls calls) : IViewSubmissionHandler, IViewClosedHandler
{
    public string CallbackId => "weekly-update.submit";

    public Task<SlackAck> HandleAsync(ViewSubmissionPayload submission, SlackContext context, CancellationToken ct)
    {
        calls.Record("view_submission " + CallbackId, submission, context);
        return Task.FromResult<SlackAck>(SlackAck.ViewErrors(new Dictionary<string, string> { ["completed"] = "Say what you finished" }));
    }

    public Task HandleAsync(ViewClosedPayload closed, SlackContext context, CancellationToken ct)
    {
        calls.Record("view_closed " + CallbackId, closed, context);
        return Task.CompletedTask;
    }
}

internal sealed class ExplodingDecisionModal(HandlerCalls calls) : IViewSubmissionHandler
{
    public string CallbackId => "decision.submit";

    public Task<SlackAck> HandleAsync(ViewSubmissionPayload submission, SlackContext context, CancellationToken ct)
    {
        calls.Record("view_submission " + CallbackId, submission, context);
        throw new InvalidOperationException("boom");
    }
}

internal sealed class DecisionShortcuts(HandlerCalls calls) : IShortcutHandler
{
    public string CallbackId => "decision.new";

    public Task HandleAsync(ShortcutPayload shortcut, SlackContext context, CancellationToken ct)
    {
        calls.Record("shortcut " + CallbackId, shortcut, context);
        return Task.CompletedTask;
    }
}

internal sealed class DecisionFromMessageShortcut(HandlerCalls calls) : IShortcutHandler
{
    public string CallbackId => "decision.from-message";

    public Task HandleAsync(ShortcutPayload shortcut, SlackContext context, CancellationToken ct)
    {
        calls.Record("shortcut " + CallbackId, shortcut, context);
        return Task.CompletedTask;
    }
}

internal abstract class RecordingEventHandler<TEvent>(HandlerCalls calls, string eventType) : ISlackEventHandler
    where TEvent : SlackEvent
{
    public string EventType => eventType;

    public Task HandleAsync(EventCallbackPayload callback, SlackContext context, CancellationToken ct)
    {
        calls.Record("event " + EventType, Assert.IsType<TEvent>(callback.Event), context);
        return Task.CompletedTask;
    }
}

internal sealed class HomeOpenedHandler(HandlerCalls calls) : RecordingEventHandler<AppHomeOpenedEvent>(calls, "app_home_opened");

internal sealed class MessageHandler(HandlerCalls calls) : RecordingEventHandler<MessageEvent>(calls, "message");

internal sealed class UninstalledHandler(HandlerCalls calls) : RecordingEventHandler<AppUninstalledEvent>(calls, "app_uninstalled");

internal sealed class TokensRevokedHandler(HandlerCalls calls) : RecordingEventHandler<TokensRevokedEvent>(calls, "tokens_revoked");

internal sealed class UserChangeHandler(HandlerCalls calls) : RecordingEventHandler<UserChangeEvent>(calls, "user_change");

internal sealed class SecondMessageHandler : ISlackEventHandler
{
    public string EventType => "message";
    public Task HandleAsync(EventCallbackPayload callback, SlackContext context, CancellationToken ct) => Task.CompletedTask;
}

internal sealed class SecondWeeklyUpdateCommand : ISlashCommandHandler
{
    public string Command => "/weekly-update";
    public Task<SlackAck> HandleAsync(SlashCommand command, SlackContext context, CancellationToken ct) => Task.FromResult(SlackAck.Empty);
}

internal sealed class SecondApproveAction : IBlockActionHandler
{
    public string ActionId => "decision.approve";
    public Task HandleAsync(BlockActionsPayload payload, BlockAction action, SlackContext context, CancellationToken ct) => Task.CompletedTask;
}

internal sealed class NotAHandler;

/// <summary>In-memory stand-in for the app's Postgres deduplicator: first delivery per (event_id, team) wins.</summary>
/// <summary>The app's receipts, for adapter tests: claimed, then handled or released.</summary>
internal sealed class InMemoryEventReceipts : ISlackEventReceipts
{
    private readonly ConcurrentDictionary<string, bool> _handled = new();

    public ValueTask<EventClaim> ClaimAsync(string eventId, string teamId, CancellationToken ct) =>
        ValueTask.FromResult(_handled.TryAdd(eventId, false) ? EventClaim.Claimed
            : _handled[eventId] ? EventClaim.AlreadyHandled : EventClaim.InProgress);

    public ValueTask CompleteAsync(string eventId, CancellationToken ct)
    {
        _handled[eventId] = true;
        return ValueTask.CompletedTask;
    }

    public ValueTask ReleaseAsync(string eventId, CancellationToken ct)
    {
        _handled.TryRemove(new KeyValuePair<string, bool>(eventId, false));
        return ValueTask.CompletedTask;
    }
}
