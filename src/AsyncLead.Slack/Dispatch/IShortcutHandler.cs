using AsyncLead.Slack.Payloads;

namespace AsyncLead.Slack.Dispatch;

/// <summary>Handles a global or message shortcut, keyed by the shortcut's callback_id.</summary>
public interface IShortcutHandler
{
    string CallbackId { get; }

    Task HandleAsync(ShortcutPayload shortcut, SlackContext context, CancellationToken ct);
}
