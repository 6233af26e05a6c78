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

/// <summary>
/// Handles one Events API event type, e.g. <c>app_home_opened</c>. Succeeds at most once per event_id; one that throws
/// runs again on Slack's redelivery (see <see cref="ISlackEventReceipts"/>).
/// </summary>
public interface ISlackEventHandler
{
    string EventType { get; }

    Task HandleAsync(EventCallbackPayload callback, SlackContext context, CancellationToken ct);
}

/// <summary>
/// Durable receipts of event deliveries, shared by every replica, so each event is acted on once and a failed one is
/// acted on again when Slack redelivers it. A delivery claims its event_id before the handler runs; the receipt is
/// marked handled only after the handler succeeded, and a failed handler releases its claim, so Slack's redelivery
/// (it retries a non-2xx or a late answer, with the same event_id) is the retry. A claim left by a process that died
/// mid-handler lapses after a lease far longer than any handler runs. The app implements it in Postgres.
/// </summary>
public interface ISlackEventReceipts
{
    /// <param name="teamId">The workspace id, or the enterprise id when an org-level event carries no team.</param>
    ValueTask<EventClaim> ClaimAsync(string eventId, string teamId, CancellationToken ct);

    /// <summary>The handler succeeded: every later delivery of this event is a duplicate.</summary>
    ValueTask CompleteAsync(string eventId, CancellationToken ct);

    /// <summary>The handler failed: the next delivery of this event may claim it again.</summary>
    ValueTask ReleaseAsync(string eventId, CancellationToken ct);
}

/// <summary>What a delivery found when it claimed its event.</summary>
public enum EventClaim
{
    /// <summary>This delivery handles the event.</summary>
    Claimed,

    /// <summary>An earlier delivery handled it: ack and do nothing.</summary>
    AlreadyHandled,

    /// <summary>Another delivery is handling it right now: ask Slack to deliver again later, in case that one fails.</summary>
    InProgress,
}
