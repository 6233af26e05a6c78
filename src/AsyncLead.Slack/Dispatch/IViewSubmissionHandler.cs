using AsyncLead.Slack.Payloads;

namespace AsyncLead.Slack.Dispatch;

/// <summary>Handles a modal's submission, keyed by the view's callback_id.</summary>
public interface IViewSubmissionHandler
{
    string CallbackId { get; }

    /// <returns><see cref="SlackAck.Empty"/> to close the modal, or a <see cref="ViewResponseAck"/>.</returns>
    Task<SlackAck> HandleAsync(ViewSubmissionPayload submission, SlackContext context, CancellationToken ct);
}
