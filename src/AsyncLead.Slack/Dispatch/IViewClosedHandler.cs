using AsyncLead.Slack.Payloads;

namespace AsyncLead.Slack.Dispatch;

/// <summary>Handles a modal being closed (only sent for views opened with notify_on_close), keyed by callback_id.</summary>
public interface IViewClosedHandler
{
    string CallbackId { get; }

    Task HandleAsync(ViewClosedPayload closed, SlackContext context, CancellationToken ct);
}
