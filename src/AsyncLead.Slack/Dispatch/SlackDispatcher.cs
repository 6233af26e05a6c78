using System.Text.Json;
using AsyncLead.Slack.Payloads;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AsyncLead.Slack.Dispatch;

/// <summary>
/// The one place HTTP and Socket Mode requests meet handlers. Routes by command / action_id / callback_id /
/// event type, always returns an ack within the budget, and never lets a handler failure become a 5xx.
/// </summary>
internal sealed partial class SlackDispatcher(
    SlackRouteTable routes,
    IServiceScopeFactory scopes,
    InFlightHandlers inFlight,
    ResponseUrlClient responseUrls,
    IOptions<SlackDispatchOptions> options,
    TimeProvider time,
    ILogger<SlackDispatcher> logger)
{
    private static readonly MessageAck Apology =
        SlackAck.Ephemeral("Something went wrong while handling that command. Please try again in a moment.");

    private static readonly MessageAck ActionFailed =
        SlackAck.Ephemeral("Something went wrong on our side and that click did nothing. Please try again in a moment.");

    private const string SubmissionNotSaved = "Something went wrong on our side and this wasn't saved. Please submit again in a moment.";

    public Task<SlackAck> DispatchCommandAsync(SlashCommand command)
    {
        var context = SlackContext.For(command);
        return Route<ISlashCommandHandler>(context, routes.Commands, "slash command", command.Command, context.ResponseUrl, Apology,
            (handler, ct) => handler.HandleAsync(command, context, ct));
    }

    public Task<SlackAck> DispatchInteractionAsync(InteractionPayload payload)
    {
        var context = SlackContext.For(payload);
        return payload switch
        {
            BlockActionsPayload actions => DispatchActionsAsync(actions, context),
            ViewSubmissionPayload submission when SubmittedLengths.Refusal(submission.View) is { } refusal => TooLong(submission.View, refusal),
            ViewSubmissionPayload submission => Route<IViewSubmissionHandler>(
                context, routes.ViewSubmissions, "view_submission", submission.View.CallbackId, null, NotSaved(submission.View),
                (handler, ct) => handler.HandleAsync(submission, context, ct)),
            ViewClosedPayload closed => Route<IViewClosedHandler>(
                context, routes.ViewClosings, "view_closed", closed.View.CallbackId, null, SlackAck.Empty,
                (handler, ct) => EmptyAfter(handler.HandleAsync(closed, context, ct))),
            ShortcutPayload shortcut => Route<IShortcutHandler>(
                context, routes.Shortcuts, payload.Type, shortcut.CallbackId, null, SlackAck.Empty,
                (handler, ct) => EmptyAfter(handler.HandleAsync(shortcut, context, ct))),
            _ => Unrouted(payload.Type, payload is BlockSuggestionPayload suggestion ? suggestion.ActionId : null),
        };
    }

    public async Task<SlackAck> DispatchEventAsync(EventCallbackPayload callback, int? retryNum, string? retryReason, CancellationToken ct)
    {
        var type = callback.Event.Type;
        if (!routes.Events.ContainsKey(type))
        {
            return await Unrouted("event", type);
        }

        var tenant = callback.TeamId ?? callback.EnterpriseId ?? callback.Authorizations.FirstOrDefault()?.TeamId ?? "";
        await using (var scope = scopes.CreateAsyncScope())
        {
            switch (await scope.ServiceProvider.GetRequiredService<ISlackEventReceipts>().ClaimAsync(callback.EventId, tenant, ct))
            {
                case EventClaim.AlreadyHandled:
                    LogDuplicateEvent(logger, callback.EventId, type, retryNum, retryReason);
                    return SlackAck.Empty;
                case EventClaim.InProgress:
                    LogEventInProgress(logger, callback.EventId, type, retryNum);
                    return SlackAck.RetryLater;
            }
        }

        // Failed, cancelled or overrunning, the event is delivered again by Slack: a failure releases the claim, a
        // success marks it handled, whenever either happens.
        var context = SlackContext.For(callback, retryNum, retryReason);
        return await Route<ISlackEventHandler>(context, routes.Events, "event", type, null, SlackAck.RetryLater,
            async (handler, handlerCt) =>
            {
                var receipts = scopes.CreateAsyncScope();
                await using (receipts)
                {
                    var store = receipts.ServiceProvider.GetRequiredService<ISlackEventReceipts>();
                    try
                    {
                        await handler.HandleAsync(callback, context, handlerCt);
                    }
                    catch
                    {
                        await ReleaseAsync(store, callback.EventId);
                        throw;
                    }

                    await store.CompleteAsync(callback.EventId, CancellationToken.None);
                    return SlackAck.Empty;
                }
            }, onOverrun: SlackAck.RetryLater);
    }

    private async Task ReleaseAsync(ISlackEventReceipts store, string eventId)
    {
        try
        {
            await store.ReleaseAsync(eventId, CancellationToken.None);
        }
        catch (Exception exception)
        {
            // The claim then lapses with its lease, and a later delivery takes it over.
            LogReleaseFailed(logger, exception, eventId);
        }
    }

    private Task<SlackAck> DispatchActionsAsync(BlockActionsPayload payload, SlackContext context)
    {
        var routed = new List<(BlockAction Action, Type HandlerType)>();
        foreach (var action in payload.Actions)
        {
            if (routes.Actions.TryGetValue(action.ActionId, out var handlerType))
            {
                routed.Add((action, handlerType));
            }
            else
            {
                LogUnrouted(logger, "block action", action.ActionId);
            }
        }

        if (routed.Count == 0)
        {
            return Task.FromResult(SlackAck.Empty);
        }

        var route = "block actions " + string.Join(", ", routed.Select(r => r.Action.ActionId));
        // Slack ignores a block_actions ack's body, so it goes at once and the handlers follow (Bolt's order): one that
        // opens a modal gets to views.open well inside its trigger's 3 s, whatever else it waits for.
        return RunAsync(route, context, context.ResponseUrl, SlackAck.Empty, (services, _) => Task.FromResult<SlackAck>(SlackAck.AckThen(SlackAck.Empty,
            async ct =>
            {
                // Each action is handled on its own, so one failing handler does not swallow the others.
                var failed = false;
                MessageAck? answer = null;
                foreach (var (action, handlerType) in routed)
                {
                    try
                    {
                        var handler = (IBlockActionHandler)services.GetRequiredService(handlerType);
                        if (handler is IAnsweringBlockActionHandler answering)
                        {
                            answer = await answering.AnswerAsync(payload, action, context, ct) ?? answer;
                        }
                        else
                        {
                            await handler.HandleAsync(payload, action, context, ct);
                        }
                    }
                    catch (Exception exception)
                    {
                        LogHandlerFailed(logger, exception, $"block action {action.ActionId}");
                        failed = true;
                    }
                }

                return failed ? ActionFailed : answer;
            })));
    }

    private Task<SlackAck> Route<THandler>(
        SlackContext context, Dictionary<string, Type> table, string kind, string? key, string? responseUrl, SlackAck onError,
        Func<THandler, CancellationToken, Task<SlackAck>> handle, SlackAck? onOverrun = null)
    {
        if (key is null || !table.TryGetValue(key, out var handlerType))
        {
            return Unrouted(kind, key);
        }

        return RunAsync($"{kind} {key}", context, responseUrl, onError,
            (services, ct) => handle((THandler)services.GetRequiredService(handlerType), ct), onOverrun);
    }

    private async Task<SlackAck> RunAsync(
        string route, SlackContext context, string? responseUrl, SlackAck onError, Func<IServiceProvider, CancellationToken, Task<SlackAck>> handle,
        SlackAck? onOverrun = null)
    {
        var acked = new TaskCompletionSource<SlackAck>(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = inFlight.Run(async ct =>
        {
            // Everything the handler logs carries who and where (ids only: never tokens or text).
            using var logScope = logger.BeginScope(LogScope(context));
            await using var scope = scopes.CreateAsyncScope();
            await ObserveAsync(scope.ServiceProvider, context, ct);
            SlackAck ack;
            try
            {
                ack = await handle(scope.ServiceProvider, ct);
            }
            catch (Exception exception)
            {
                LogHandlerFailed(logger, exception, route);
                ack = onError;
            }

            if (ack is not FollowUpAck followUp)
            {
                acked.TrySetResult(ack);
                return;
            }

            acked.TrySetResult(followUp.Ack);
            await FollowUpAsync(followUp, route, responseUrl, ct);
        });

        var budget = options.Value.AckBudget;
        try
        {
            return await acked.Task.WaitAsync(budget, time);
        }
        catch (TimeoutException)
        {
            // Slack stops waiting at 3 s: ack now, let the handler finish, and deliver its message late if Slack gave us a way.
            LogOverran(logger, route, budget.TotalMilliseconds);
            _ = inFlight.Run(ct => DeliverLateAsync(acked.Task, route, responseUrl, ct));
            return onOverrun ?? SlackAck.Empty;
        }
    }

    /// <summary>The work after the ack; what it has to say (or its failure notice) goes to the response_url.</summary>
    private async Task FollowUpAsync(FollowUpAck followUp, string route, string? responseUrl, CancellationToken ct)
    {
        MessageAck? message;
        try
        {
            message = await followUp.Then(ct);
        }
        catch (Exception exception)
        {
            LogFollowUpFailed(logger, exception, route);
            message = followUp.FailureNotice is { } notice ? SlackAck.Ephemeral(notice) : null;
        }

        if (message is null)
        {
            return;
        }

        if (responseUrl is null)
        {
            LogLateAckDropped(logger, route, message.GetType().Name);
            return;
        }

        try
        {
            await responseUrls.PostAsync(responseUrl, message, ct);
        }
        catch (Exception exception)
        {
            LogLateDeliveryFailed(logger, exception, route);
        }
    }

    private async Task ObserveAsync(IServiceProvider services, SlackContext context, CancellationToken ct)
    {
        foreach (var observer in services.GetServices<ISlackRequestObserver>())
        {
            try
            {
                await observer.ObserveAsync(context, ct);
            }
            catch (Exception exception)
            {
                LogObserverFailed(logger, exception, observer.GetType().Name);
            }
        }
    }

    private async Task DeliverLateAsync(Task<SlackAck> work, string route, string? responseUrl, CancellationToken ct)
    {
        var ack = await work;
        if (ack is MessageAck message && responseUrl is not null)
        {
            try
            {
                await responseUrls.PostAsync(responseUrl, message, ct);
                LogDeliveredLate(logger, route);
            }
            catch (Exception exception)
            {
                LogLateDeliveryFailed(logger, exception, route);
            }
        }
        else if (ack is not (EmptyAck or RetryLaterAck))
        {
            LogLateAckDropped(logger, route, ack.GetType().Name);
        }
    }

    /// <summary>
    /// A failed submission keeps the modal open, with what the person typed and the reason under its first input: an
    /// empty ack would close it as if it had been saved. A modal without inputs can only be closed.
    /// </summary>
    private static SlackAck NotSaved(SlackView view)
    {
        // Blocks are read back as Slack sent them: anything malformed is skipped, never a reason for a 500.
        var firstInput = view.Blocks.ValueKind == JsonValueKind.Array
            ? view.Blocks.EnumerateArray()
                .Where(block => block.ValueKind == JsonValueKind.Object
                    && block.TryGetProperty("type", out var type) && type.ValueEquals("input")
                    && block.TryGetProperty("block_id", out var id) && id.ValueKind == JsonValueKind.String)
                .Select(block => block.GetProperty("block_id").GetString())
                .FirstOrDefault()
            : null;
        firstInput ??= view.State.Values.Keys.FirstOrDefault();
        return firstInput is null ? SlackAck.Empty : SlackAck.ViewErrors(new Dictionary<string, string> { [firstInput] = SubmissionNotSaved });
    }

    private Task<SlackAck> TooLong(SlackView view, SlackAck refusal)
    {
        LogTooLong(logger, view.CallbackId);
        return Task.FromResult(refusal);
    }

    private Task<SlackAck> Unrouted(string kind, string? key)
    {
        LogUnrouted(logger, kind, key);
        return Task.FromResult(SlackAck.Empty);
    }

    private static async Task<SlackAck> EmptyAfter(Task handling)
    {
        await handling;
        return SlackAck.Empty;
    }

    private static Dictionary<string, object?> LogScope(SlackContext context) => new()
    {
        ["WorkspaceId"] = context.TeamId ?? context.EnterpriseId,
        ["ChannelId"] = context.ChannelId,
        ["UserId"] = context.UserId,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "No Slack handler for {Kind} '{Key}'; acknowledged without action")]
    private static partial void LogUnrouted(ILogger logger, string kind, string? key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "view_submission {CallbackId} carried a field longer than Slack lets through; refused on that field, no handler ran")]
    private static partial void LogTooLong(ILogger logger, string? callbackId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack handler for {Route} failed; acknowledged anyway")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string route);

    [LoggerMessage(Level = LogLevel.Error, Message = "Work after the ack of {Route} failed")]
    private static partial void LogFollowUpFailed(ILogger logger, Exception exception, string route);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack request observer {Observer} failed; the handler runs anyway")]
    private static partial void LogObserverFailed(ILogger logger, Exception exception, string observer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack handler for {Route} overran the {BudgetMs} ms ack budget; acknowledged, still running")]
    private static partial void LogOverran(ILogger logger, string route, double budgetMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Late result of {Route} posted to its response_url")]
    private static partial void LogDeliveredLate(ILogger logger, string route);

    [LoggerMessage(Level = LogLevel.Error, Message = "Posting the late result of {Route} to its response_url failed")]
    private static partial void LogLateDeliveryFailed(ILogger logger, Exception exception, string route);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Late {AckType} from {Route} dropped: Slack had already been acked and there is no response_url for it")]
    private static partial void LogLateAckDropped(ILogger logger, string route, string ackType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack event {EventId} ({EventType}) already seen; retry {RetryNum} ({RetryReason}) acknowledged without dispatch")]
    private static partial void LogDuplicateEvent(ILogger logger, string eventId, string eventType, int? retryNum, string? retryReason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack event {EventId} ({EventType}) is being handled by another delivery; retry {RetryNum} asked to come again later")]
    private static partial void LogEventInProgress(ILogger logger, string eventId, string eventType, int? retryNum);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Releasing the claim on Slack event {EventId} after its handler failed did not work; the claim lapses with its lease")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception, string eventId);
}
