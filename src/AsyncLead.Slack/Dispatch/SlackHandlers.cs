using AsyncLead.Slack.Payloads;

namespace AsyncLead.Slack.Dispatch;

// One interface per thing Slack sends, each keyed by the id Slack routes on. Register implementations with
// services.AddSlackHandler<T>(); a class may implement several. Handlers run in their own DI scope and should
// finish inside the ack budget: validate, write one short transaction, enqueue the rest.

/// <summary>Handles one slash command, e.g. <c>/weekly-update</c>.</summary>
public interface ISlashCommandHandler
{
    /// <summary>The command with its slash, exactly as configured in the app manifest.</summary>
    string Command { get; }

    /// <returns><see cref="SlackAck.Empty"/> or a <see cref="MessageAck"/>.</returns>
    Task<SlackAck> HandleAsync(SlashCommand command, SlackContext context, CancellationToken ct);
}

/// <summary>Handles one element's action in a block_actions payload. Slack ignores the ack body here, so there is none.</summary>
public interface IBlockActionHandler
{
    string ActionId { get; }

    Task HandleAsync(BlockActionsPayload payload, BlockAction action, SlackContext context, CancellationToken ct);
}

/// <summary>Handles a modal's submission, keyed by the view's callback_id.</summary>
public interface IViewSubmissionHandler
{
    string CallbackId { get; }

    /// <returns><see cref="SlackAck.Empty"/> to close the modal, or a <see cref="ViewResponseAck"/>.</returns>
    Task<SlackAck> HandleAsync(ViewSubmissionPayload submission, SlackContext context, CancellationToken ct);
}

/// <summary>Handles a modal being closed (only sent for views opened with notify_on_close), keyed by callback_id.</summary>
public interface IViewClosedHandler
{
    string CallbackId { get; }

    Task HandleAsync(ViewClosedPayload closed, SlackContext context, CancellationToken ct);
}

/// <summary>Handles a global or message shortcut, keyed by the shortcut's callback_id.</summary>
public interface IShortcutHandler
{
    string CallbackId { get; }

    Task HandleAsync(ShortcutPayload shortcut, SlackContext context, CancellationToken ct);
}

/// <summary>Handles one Events API event type, e.g. <c>app_home_opened</c>. Runs at most once per event_id.</summary>
public interface ISlackEventHandler
{
    string EventType { get; }

    Task HandleAsync(EventCallbackPayload callback, SlackContext context, CancellationToken ct);
}

/// <summary>
/// Remembers which event deliveries were seen, so Slack's retries (same event_id) are acked without acting twice.
/// The app implements it durably (Postgres); the adapter calls it before dispatching every event_callback.
/// </summary>
public interface ISlackEventDeduplicator
{
    /// <param name="teamId">The workspace id, or the enterprise id when an org-level event carries no team.</param>
    /// <returns>True the first time this event is seen; false for a repeat.</returns>
    ValueTask<bool> IsFirstDeliveryAsync(string eventId, string teamId, CancellationToken ct);
}
