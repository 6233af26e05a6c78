using AsyncLead.Slack.Payloads;

namespace AsyncLead.Slack.Dispatch;

/// <summary>
/// Handles one Events API event type, e.g. <c>app_home_opened</c>. Succeeds at most once per event_id; one that throws
/// runs again on Slack's redelivery (see <see cref="ISlackEventReceipts"/>).
/// </summary>
public interface ISlackEventHandler
{
    string EventType { get; }

    Task HandleAsync(EventCallbackPayload callback, SlackContext context, CancellationToken ct);
}
